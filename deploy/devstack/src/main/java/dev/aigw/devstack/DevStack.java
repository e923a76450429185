package dev.aigw.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.aigw.engines.CassandraNode;
import dev.aigw.engines.CassandraRing;
import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Health;
import dev.aigw.engines.KafkaBroker;
import dev.aigw.engines.KafkaCluster;
import dev.aigw.engines.Ports;
import dev.aigw.engines.StartupException;

/**
 * Starts the members in order, records their pids, watches them, and stops them in reverse order. Each member has a
 * name ({@code kafka}, or {@code kafka-2} in a cluster) by which it can be killed, stopped and started again.
 */
final class DevStack {
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(90);
    private static final String CLUSTER_CASSANDRA_HEAP = "512m";

    private final DevStackConfig config;
    private final StateDir state;
    private final List<Service> services;
    private final List<Member> members = new ArrayList<>();
    private final long started = System.nanoTime();
    private volatile boolean stopping;

    /** A started member: what runs now, and how to start it again (waiting until it is ready). */
    private static final class Member {
        final String name;
        final Part part;
        final int order;
        final Supplier<ChildProcess> restart;
        ChildProcess process;
        boolean reported;

        Member(String name, Part part, int order, ChildProcess process, Supplier<ChildProcess> restart) {
            this.name = name;
            this.part = part;
            this.order = order;
            this.process = process;
            this.restart = restart;
        }
    }

    DevStack(DevStackConfig config, StackSecrets secrets) {
        this.config = config;
        this.state = config.state();
        this.services = config.services(secrets);
    }

    /** Checks every port first, then starts each part and waits until it is ready, saying so. */
    void start() {
        checkPorts();
        state.writePid(state.stackPidFile(), ProcessHandle.current().pid());
        if (config.parts().contains(Part.KAFKA)) {
            startKafka();
        }
        if (config.parts().contains(Part.CASSANDRA)) {
            startCassandra();
        }
        for (Service service : services) {
            if (config.parts().contains(service.part())) {
                Supplier<ChildProcess> start = () -> {
                    ChildProcess process = service.start(config.root(), state.log(service.name()), config.env());
                    process.awaitReady(SERVICE_TIMEOUT, service::isReady);
                    return process;
                };
                track(service.name(), service.part(), start.get(), start);
            }
        }
        if (config.cluster()) {
            startBalancer();
        }
    }

    private void startKafka() {
        StackPorts ports = config.ports();
        if (!config.cluster()) {
            KafkaBroker.Settings settings = KafkaBroker.Settings.of(state.data("kafka"), ports.kafka(), ports.kafkaController(),
                    state.log("kafka"));
            Supplier<ChildProcess> start = () -> KafkaBroker.start(settings, ENGINE_TIMEOUT).process();
            track("kafka", Part.KAFKA, start.get(), start);
        } else {
            List<KafkaBroker.Settings> nodes = IntStream.rangeClosed(1, config.nodes(Part.KAFKA)).mapToObj(n -> {
                String name = config.name(Part.KAFKA, n);
                return KafkaBroker.Settings.of(state.data(name), ports.node(Part.KAFKA, n, true), ports.kafkaController(n),
                        state.log(name));
            }).toList();
            KafkaCluster cluster = KafkaCluster.start(KafkaCluster.voters(nodes, KafkaBroker.newClusterId()), ENGINE_TIMEOUT);
            for (int n = 1; n <= nodes.size(); n++) {
                int id = n;
                track(config.name(Part.KAFKA, n), Part.KAFKA, cluster.member(n).process(),
                        () -> cluster.restart(id, ENGINE_TIMEOUT).process());
            }
        }
        TopicSetup.createTopics(config.kafkaBootstrap(), config.nodes(Part.KAFKA));
    }

    private void startCassandra() {
        StackPorts ports = config.ports();
        List<CassandraNode.Settings> nodes = IntStream.rangeClosed(1, config.nodes(Part.CASSANDRA)).mapToObj(n -> {
            String name = config.name(Part.CASSANDRA, n);
            return CassandraNode.Settings.of(state.data(name), ports.cassandra(), ports.cassandraStorage(), state.log(name));
        }).toList();
        if (!config.cluster()) {
            Supplier<ChildProcess> start = () -> CassandraNode.start(nodes.getFirst(), ENGINE_TIMEOUT).process();
            track("cassandra", Part.CASSANDRA, start.get(), start);
            return;
        }
        // Members join one after another; each is tracked (and said ready) as it comes up.
        List<CassandraNode.Settings> members = CassandraRing.members(nodes, CLUSTER_CASSANDRA_HEAP);
        for (int n = 1; n <= members.size(); n++) {
            CassandraNode.Settings member = members.get(n - 1);
            Supplier<ChildProcess> start = () -> CassandraNode.start(member, ENGINE_TIMEOUT).process();
            track(config.name(Part.CASSANDRA, n), Part.CASSANDRA, start.get(), start);
        }
    }

    private void startBalancer() {
        StackPorts ports = config.ports();
        List<Balancer.Frontend> frontends = List.of(
                frontend("gateway", ports.gateway(), Part.GATEWAY),
                frontend("query-api", ports.query(), Part.QUERY));
        Supplier<ChildProcess> start = () -> {
            ChildProcess process = Balancer.start(state.data("haproxy.cfg"), frontends, state.log("balancer"), config.root(), config.env());
            process.awaitReady(SERVICE_TIMEOUT, () -> Health.ready(ports.gateway()) && Health.ready(ports.query()));
            return process;
        };
        track("balancer", null, start.get(), start);
    }

    private Balancer.Frontend frontend(String name, int port, Part part) {
        return new Balancer.Frontend(name, port, services.stream().filter(s -> s.part() == part)
                .map(s -> new Balancer.Backend(s.name(), s.port())).toList());
    }

    /**
     * Blocks while every member runs. Alone, returns the first member that exited on its own; in a cluster, which
     * outlives any one member, says which exited and runs on. Returns empty once the stack is stopping.
     */
    Optional<String> awaitUnexpectedExit() throws InterruptedException {
        while (!stopping) {
            synchronized (this) {
                for (Member member : members) {
                    if (!member.process.isAlive() && !member.reported) {
                        if (!config.cluster()) {
                            return Optional.of(member.name);
                        }
                        member.reported = true;
                        System.err.println(member.name + " exited; the cluster runs on without it. Log: " + member.process.log());
                    }
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return Optional.empty();
    }

    /** The tail of a member's log, for failure messages. */
    synchronized String logTail(String name) {
        return find(name).map(m -> m.process.logTail()).orElse("");
    }

    boolean isStopping() {
        return stopping;
    }

    /** The members' names in start order. */
    synchronized List<String> members() {
        return members.stream().map(m -> m.name).toList();
    }

    /** SIGKILL to member {@code name}, as a crash would end it. */
    void kill(String name) {
        member(name).process.kill();
    }

    /** SIGTERM to member {@code name}, waiting until it has stopped (forced after 30 s). */
    void terminate(String name) {
        member(name).process.stop();
    }

    /** The process id of member {@code name}. */
    long pid(String name) {
        return member(name).process.pid();
    }

    /** Starts a stopped or killed member again, with the same settings and data, and waits until it is ready. */
    void restart(String name) {
        Member member = member(name);
        if (member.process.isAlive()) {
            throw new IllegalStateException(name + " is running (pid " + member.process.pid() + ")");
        }
        ChildProcess process = member.restart.get();
        synchronized (this) {
            member.process = process;
            member.reported = false;
            state.writePid(state.pidFile(member.order, name), process.pid());
        }
    }

    /** The resident memory of every member and its children, in bytes, read from /proc. */
    synchronized long residentBytes() {
        return members.stream().filter(m -> m.process.isAlive())
                .flatMap(m -> ProcessHandle.of(m.process.pid()).stream())
                .flatMap(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
                .mapToLong(handle -> residentBytes(handle.pid()))
                .sum();
    }

    /**
     * Stops the members newest first, each part's nodes together (SIGTERM to all, then wait for each: a broker
     * stopping last alone would wait for a quorum already gone), then anything still starting; safe to call twice.
     */
    synchronized void stop() {
        stopping = true;
        for (int end = members.size(); end > 0; ) {
            int first = end - 1;
            while (first > 0 && members.get(first - 1).part != null && members.get(first - 1).part == members.get(end - 1).part) {
                first--;
            }
            List<Member> group = members.subList(first, end);
            group.forEach(m -> {
                if (m.process.isAlive()) {
                    System.out.println("stopping " + m.name);
                    m.process.signalStop();
                }
            });
            group.forEach(m -> {
                m.process.stop();
                state.removePid(state.pidFile(m.order, m.name));
            });
            end = first;
        }
        members.clear();
        // A part interrupted while starting was never tracked; it is still our child.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        ProcessHandle.current().descendants().forEach(child -> child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join());
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        state.removePid(state.stackPidFile());
    }

    private synchronized void track(String name, Part part, ChildProcess process, Supplier<ChildProcess> restart) {
        Member member = new Member(name, part, members.size(), process, restart);
        members.add(member);
        state.writePid(state.pidFile(member.order, name), process.pid());
        if (stopping) {
            throw new StartupException("the stack is stopping");
        }
        System.out.printf("%-16s ready after %5.1f s%n", name, (System.nanoTime() - started) / 1e9);
    }

    private synchronized Optional<Member> find(String name) {
        return members.stream().filter(m -> m.name.equals(name)).findFirst();
    }

    private Member member(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no member '" + name + "'; members: " + members()));
    }

    private void checkPorts() {
        for (Part part : config.parts()) {
            for (int n = 1; n <= config.nodes(part); n++) {
                String name = config.name(part, n);
                if (part == Part.KAFKA) {
                    Ports.requireFree(config.ports().node(part, n, config.cluster()), name);
                    Ports.requireFree(config.ports().kafkaController(n), name);
                } else if (part == Part.CASSANDRA) {
                    // Ring members share their ports on 127.0.0.1..n; the first address stands for all.
                    config.ports().of(part).forEach(port -> Ports.requireFree(port, name));
                } else {
                    Ports.requireFree(config.ports().node(part, n, config.cluster()), name);
                }
            }
        }
        if (config.cluster()) {
            Ports.requireFree(config.ports().gateway(), "balancer");
            Ports.requireFree(config.ports().query(), "balancer");
        }
    }

    private static long residentBytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
