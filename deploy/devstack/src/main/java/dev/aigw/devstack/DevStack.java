package dev.aigw.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.aigw.engines.CassandraNode;
import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.KafkaBroker;
import dev.aigw.engines.Ports;
import dev.aigw.engines.StartupException;

/** Starts the parts in order, records their pids, watches them, and stops them in reverse order. */
final class DevStack {
    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(60);

    private final DevStackConfig config;
    private final StateDir state;
    private final List<Service> services;
    private final List<Running> running = new ArrayList<>();
    private volatile boolean stopping;

    private record Running(Part part, ChildProcess process) {
    }

    DevStack(DevStackConfig config, String adminToken, String masterKey) {
        this.config = config;
        this.state = config.state();
        this.services = config.services(adminToken, masterKey);
    }

    /** Checks every port first, then starts each part and waits until it is ready. */
    void start() {
        checkPorts();
        state.writePid(state.stackPidFile(), ProcessHandle.current().pid());
        StackPorts ports = config.ports();
        if (config.parts().contains(Part.KAFKA)) {
            KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.of(state.data("kafka"), ports.kafka(),
                    ports.kafkaController(), state.log(Part.KAFKA)), ENGINE_TIMEOUT);
            track(Part.KAFKA, broker.process());
            TopicSetup.createTopics(broker.bootstrap());
        }
        if (config.parts().contains(Part.CASSANDRA)) {
            CassandraNode node = CassandraNode.start(CassandraNode.Settings.of(state.data("cassandra"), ports.cassandra(),
                    ports.cassandraStorage(), state.log(Part.CASSANDRA)), ENGINE_TIMEOUT);
            track(Part.CASSANDRA, node.process());
        }
        for (Service service : services) {
            if (config.parts().contains(service.part())) {
                ChildProcess process = service.start(config.root(), state.log(service.part()), config.env());
                track(service.part(), process);
                process.awaitReady(SERVICE_TIMEOUT, service::isReady);
            }
        }
    }

    /** Blocks while every part runs; returns the first part that exited on its own, unless the stack is stopping. */
    Optional<Part> awaitUnexpectedExit() throws InterruptedException {
        while (!stopping) {
            synchronized (this) {
                for (Running part : running) {
                    if (!part.process().isAlive()) {
                        return Optional.of(part.part());
                    }
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return Optional.empty();
    }

    /** The tail of a part's log, for failure messages. */
    synchronized String logTail(Part part) {
        return running.stream().filter(r -> r.part() == part).findFirst().map(r -> r.process().logTail()).orElse("");
    }

    boolean isStopping() {
        return stopping;
    }

    /** Stops the parts newest first (SIGTERM, wait, force), then anything still starting; safe to call twice. */
    synchronized void stop() {
        stopping = true;
        for (int i = running.size() - 1; i >= 0; i--) {
            Running part = running.get(i);
            if (part.process().isAlive()) {
                System.out.println("stopping " + part.part().label());
            }
            part.process().stop();
            state.removePid(state.pidFile(part.part()));
        }
        running.clear();
        // A part interrupted while starting was never tracked; it is still our child.
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        ProcessHandle.current().descendants().forEach(child -> child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join());
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        state.removePid(state.stackPidFile());
    }

    private synchronized void track(Part part, ChildProcess process) {
        running.add(new Running(part, process));
        state.writePid(state.pidFile(part), process.pid());
        if (stopping) {
            throw new StartupException("the stack is stopping");
        }
    }

    private void checkPorts() {
        for (Part part : config.parts()) {
            config.ports().of(part).forEach(port -> Ports.requireFree(port, part.label()));
        }
    }
}
