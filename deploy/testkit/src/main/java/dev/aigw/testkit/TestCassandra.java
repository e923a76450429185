package dev.aigw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.aigw.engines.CassandraNode;
import dev.aigw.engines.Ports;

/** One Cassandra node in a temporary directory on free ports, stopped and deleted at exit. */
final class TestCassandra implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    // Schema changes on a busy two-core machine take longer than the driver's 2 s default.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final CassandraNode.Settings settings;
    private final Path dir;
    private CassandraNode node;

    private TestCassandra(CassandraNode.Settings settings, CassandraNode node, Path dir) {
        this.settings = settings;
        this.node = node;
        this.dir = dir;
    }

    static TestCassandra start() {
        try {
            Path dir = Files.createTempDirectory("aigw-cassandra-");
            CassandraNode.Settings settings = CassandraNode.Settings.of(dir, Ports.freePort(), Ports.freePort(), logFile(dir));
            return new TestCassandra(settings, CassandraNode.start(settings, START_TIMEOUT), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Under Maven the log lands in the module's target/ so it outlives the node's deleted directory.
    private static Path logFile(Path dir) {
        Path target = Path.of("target");
        String name = "testkit-cassandra-" + ProcessHandle.current().pid() + ".log";
        return Files.isDirectory(target) ? target.toAbsolutePath().resolve(name) : dir.resolve(name);
    }

    /** Stops the node cleanly, keeping its data, as an outage would leave it. */
    synchronized void stop() {
        node.close();
    }

    /** Starts the node again on the same data and ports, if it is stopped. */
    synchronized void restart() {
        if (!node.process().isAlive()) {
            node = CassandraNode.start(settings, START_TIMEOUT);
        }
    }

    String contactPoint() {
        return "127.0.0.1:" + settings.cqlPort();
    }

    CqlSession openSession() {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", settings.cqlPort()))
                .withLocalDatacenter(CassandraNode.LOCAL_DC)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, REQUEST_TIMEOUT)
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, REQUEST_TIMEOUT)
                        // A schema change returns only once the driver refreshed its metadata, which it first holds back
                        // for this window to gather more changes: the default second made the audit schema take 20 s.
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(20))
                        // After restart() the session should find the node again within seconds, not the default minute.
                        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
                        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
                        .build())
                .build();
    }

    @Override
    public synchronized void close() throws IOException {
        node.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Override
    public String toString() {
        return "Cassandra node at " + contactPoint();
    }
}
