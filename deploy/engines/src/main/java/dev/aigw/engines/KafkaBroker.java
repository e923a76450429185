package dev.aigw.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A Kafka broker in KRaft combined mode (broker and controller in one) as a child process; its data survives restarts. */
public final class KafkaBroker implements EngineGroup.Member {
    private static final String READY_LINE = "Kafka Server started";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final ChildProcess process;

    /**
     * Where and how the broker runs: {@code dir} holds its config and its data; {@code quorum} says whether it is a
     * controller quorum of its own or one voter of a cluster's.
     */
    public record Settings(Path dir, int port, int controllerPort, String maxHeap, Path log, Path java, String classpath,
                           Quorum quorum) {
        /** A single broker with a 512 MB heap, the current JVM and the classpath the kafka-node module wrote. */
        public static Settings of(Path dir, int port, int controllerPort, Path log) {
            return new Settings(dir, port, controllerPort, "512m", log, Jdks.currentJava(),
                    Locations.kafkaClasspath(Locations.repositoryRoot()), new Quorum.Standalone());
        }

        /** The same broker as one voter of {@code quorum}. */
        public Settings in(Quorum quorum) {
            return new Settings(dir, port, controllerPort, maxHeap, log, java, classpath, quorum);
        }
    }

    /** How the controllers find each other. */
    public sealed interface Quorum {
        /** One broker that is its own quorum, formatted {@code --standalone}; internal topics have one replica. */
        record Standalone() implements Quorum {
        }

        /**
         * One of a fixed set of voters ({@code controller.quorum.voters}) that share {@code clusterId}; the internal
         * topics and the broker's defaults for new topics get one replica per voter and a minimum in-sync of all but one.
         */
        record Voter(int nodeId, String clusterId, List<Peer> voters) implements Quorum {
            public Voter {
                voters = List.copyOf(voters);
            }
        }

        /** A voter's node id and controller port on loopback. */
        record Peer(int nodeId, int controllerPort) {
        }
    }

    private KafkaBroker(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Formats the storage if it is new, starts the broker and waits until it accepts clients. */
    public static KafkaBroker start(Settings settings, Duration timeout) {
        KafkaBroker broker = launch(settings);
        broker.awaitReady(timeout);
        return broker;
    }

    /**
     * Formats the storage if it is new and starts the broker without waiting: a voter of a cluster is ready only once
     * a majority of the quorum runs, so a cluster launches every voter before it waits for any.
     */
    public static KafkaBroker launch(Settings settings) {
        Path properties = writeProperties(settings);
        if (!Files.exists(dataDir(settings).resolve("meta.properties"))) {
            ChildProcess format = launch(settings, "kafka storage format", formatArguments(settings.quorum(), properties));
            format.awaitSuccess(FORMAT_TIMEOUT);
        }
        return new KafkaBroker(settings, launch(settings, "kafka broker", List.of("kafka.Kafka", properties.toString())));
    }

    /** Waits until the broker accepts clients; stops it and fails with its log's tail otherwise. */
    public void awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> process.logContains(READY_LINE) && Ports.isListening(settings.port()));
    }

    /** A fresh cluster id, shared by every voter of one cluster; same shape as Kafka's Uuid, never starting with '-'. */
    public static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The bootstrap address clients use. */
    public String bootstrap() {
        return "127.0.0.1:" + settings.port();
    }

    /** The broker's process. */
    @Override
    public ChildProcess process() {
        return process;
    }

    /** Stops the broker cleanly (SIGTERM, then force after a grace period). */
    @Override
    public void close() {
        process.stop();
    }

    private static ChildProcess launch(Settings settings, String name, List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(settings.java().toString(),
                "-Xms256m", "-Xmx" + settings.maxHeap(), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.showDateTime=true", "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", settings.classpath()));
        command.addAll(mainAndArgs);
        return ChildProcess.start(name, command, Map.of(), settings.dir(), settings.log());
    }

    private static Path writeProperties(Settings settings) {
        try {
            Files.createDirectories(settings.dir());
            return Files.writeString(settings.dir().resolve("server.properties"), properties(settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's {@code server.properties}. */
    static String properties(Settings s) {
        String common = """
                process.roles=broker,controller
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                group.initial.rebalance.delay.ms=0
                """.formatted(s.port(), s.controllerPort(), dataDir(s));
        return common + switch (s.quorum()) {
            case Quorum.Standalone standalone -> """
                    node.id=1
                    controller.quorum.bootstrap.servers=127.0.0.1:%d
                    """.formatted(s.controllerPort()) + replication(1, 1);
            case Quorum.Voter voter -> """
                    node.id=%d
                    controller.quorum.voters=%s
                    """.formatted(voter.nodeId(), voter.voters().stream()
                            .map(peer -> peer.nodeId() + "@127.0.0.1:" + peer.controllerPort())
                            .collect(Collectors.joining(","))) + replication(voter.voters().size(), Math.max(1, voter.voters().size() - 1));
        };
    }

    // The broker's own topics, and topics created without explicit settings (Kafka Streams' internal ones among them).
    private static String replication(int factor, int minInSync) {
        return """
                offsets.topic.replication.factor=%1$d
                transaction.state.log.replication.factor=%1$d
                transaction.state.log.min.isr=%2$d
                share.coordinator.state.topic.replication.factor=%1$d
                share.coordinator.state.topic.min.isr=%2$d
                default.replication.factor=%1$d
                min.insync.replicas=%2$d
                """.formatted(factor, minInSync);
    }

    /** The storage tool's arguments: a standalone broker bootstraps its own dynamic quorum; voters share the cluster id. */
    static List<String> formatArguments(Quorum quorum, Path properties) {
        return switch (quorum) {
            case Quorum.Standalone standalone ->
                    List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", newClusterId(), "-c", properties.toString());
            case Quorum.Voter voter ->
                    List.of("kafka.tools.StorageTool", "format", "-t", voter.clusterId(), "-c", properties.toString());
        };
    }

    private static Path dataDir(Settings settings) {
        return settings.dir().toAbsolutePath().resolve("data");
    }
}
