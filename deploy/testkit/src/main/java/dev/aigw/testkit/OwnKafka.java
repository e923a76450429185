package dev.aigw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.aigw.engines.KafkaBroker;
import dev.aigw.engines.KafkaTopics;
import dev.aigw.engines.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A Kafka broker of one test class's own, as a child process on fixed ports, which the test may stop (an outage) and
 * start again on the same ports and data. The shared broker of {@link RealStack} is never stopped.
 */
public final class OwnKafka implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final KafkaBroker.Settings settings;
    private KafkaBroker broker;

    private OwnKafka(Path dir, KafkaBroker.Settings settings) {
        this.dir = dir;
        this.settings = settings;
        this.broker = KafkaBroker.start(settings, START_TIMEOUT);
    }

    /** Formats and starts a broker in a temporary directory on free ports. */
    public static OwnKafka start() {
        try {
            Path dir = Files.createTempDirectory("aigw-own-kafka-");
            return new OwnKafka(dir, KafkaBroker.Settings.of(dir, Ports.freePort(), Ports.freePort(), logFile(dir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its bootstrap address, the same across restarts. */
    public String bootstrap() {
        return broker == null ? "127.0.0.1:" + settings.port() : broker.bootstrap();
    }

    /** Stops the broker cleanly; clients see it as unreachable until {@link #restart()}. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the broker again on the same ports and data. */
    public synchronized void restart() {
        if (broker == null) {
            broker = KafkaBroker.start(settings, START_TIMEOUT);
        }
    }

    /** Creates the topics with replication 1 unless they exist. */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            KafkaTopics.createIfAbsent(admin, topics);
        }
    }

    /** Stops the broker and deletes its data. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "own Kafka broker at " + bootstrap();
    }

    // Under Maven the log lands in the module's target/ so it outlives the deleted data.
    private static Path logFile(Path dir) {
        Path target = Path.of("target");
        String name = "own-kafka-" + dir.getFileName() + ".log";
        return Files.isDirectory(target) ? target.toAbsolutePath().resolve(name) : dir.resolve(name);
    }
}
