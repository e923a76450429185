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

/** A Kafka broker in KRaft combined mode (broker and controller in one) as a child process; its data survives restarts. */
public final class KafkaBroker implements AutoCloseable {
    private static final String READY_LINE = "Kafka Server started";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final ChildProcess process;

    /** Where and how the broker runs: {@code dir} holds its config and its data. */
    public record Settings(Path dir, int port, int controllerPort, String maxHeap, Path log, Path java, String classpath) {
        /** Settings with a 512 MB heap, the current JVM and the classpath the kafka-node module wrote. */
        public static Settings of(Path dir, int port, int controllerPort, Path log) {
            return new Settings(dir, port, controllerPort, "512m", log, Jdks.currentJava(),
                    Locations.kafkaClasspath(Locations.repositoryRoot()));
        }
    }

    private KafkaBroker(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Formats the storage if it is new, starts the broker and waits until it accepts clients. */
    public static KafkaBroker start(Settings settings, Duration timeout) {
        Path properties = writeProperties(settings);
        if (!Files.exists(dataDir(settings).resolve("meta.properties"))) {
            ChildProcess format = launch(settings, "kafka storage format",
                    List.of("kafka.tools.StorageTool", "format", "--standalone", "-t", newClusterId(), "-c", properties.toString()));
            format.awaitSuccess(FORMAT_TIMEOUT);
        }
        ChildProcess broker = launch(settings, "kafka broker", List.of("kafka.Kafka", properties.toString()));
        broker.awaitReady(timeout, () -> broker.logContains(READY_LINE) && Ports.isListening(settings.port()));
        return new KafkaBroker(settings, broker);
    }

    /** The bootstrap address clients use. */
    public String bootstrap() {
        return "127.0.0.1:" + settings.port();
    }

    /** The broker's process. */
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

    private static Path writeProperties(Settings s) {
        String properties = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(s.port(), s.controllerPort(), dataDir(s));
        try {
            Files.createDirectories(s.dir());
            return Files.writeString(s.dir().resolve("server.properties"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dataDir(Settings settings) {
        return settings.dir().toAbsolutePath().resolve("data");
    }

    // Same shape as org.apache.kafka.common.Uuid: 16 random bytes, base64url, never starting with '-'.
    private static String newClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
