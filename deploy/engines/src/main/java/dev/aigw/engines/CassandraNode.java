package dev.aigw.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Cassandra 5.0 node as a child JVM on a JDK 17 (or 11), alone or one of a {@link CassandraRing}; its data survives
 * restarts on the same directory.
 */
public final class CassandraNode implements EngineGroup.Member {
    /** The data center name of the node, for the driver's {@code withLocalDatacenter}. */
    public static final String LOCAL_DC = "datacenter1";

    private static final String READY_LINE = "Startup complete";

    private final Settings settings;
    private final ChildProcess process;

    /**
     * Where and how the node runs: {@code dir} holds its config and its data; it listens on loopback {@code address}
     * (127.0.0.1, or another 127.x address for a ring member, since members share their ports).
     */
    public record Settings(Path dir, String address, int cqlPort, int storagePort, String maxHeap, Path log, Path javaHome,
                           String classpath, Placement placement) {
        /** A node alone on 127.0.0.1 with a 1 GB heap, the JDK {@link Jdks#cassandraJavaHome()} finds and the cassandra-node classpath. */
        public static Settings of(Path dir, int cqlPort, int storagePort, Path log) {
            return new Settings(dir, "127.0.0.1", cqlPort, storagePort, "1g", log, Jdks.cassandraJavaHome(),
                    Locations.cassandraClasspath(Locations.repositoryRoot()), new Placement("127.0.0.1", "0"));
        }

        /** The same node on {@code address} with {@code placement} and {@code maxHeap}. */
        public Settings at(String address, Placement placement, String maxHeap) {
            return new Settings(dir, address, cqlPort, storagePort, maxHeap, log, javaHome, classpath, placement);
        }
    }

    /**
     * Where the node sits in its ring: the seed it joins through (an address; seeds share the storage port) and its one
     * token. A fresh ring gets its tokens spread evenly up front, so no node streams data to join.
     */
    public record Placement(String seed, String initialToken) {
    }

    private CassandraNode(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Writes the node's config, starts it and waits until it serves CQL. */
    public static CassandraNode start(Settings settings, Duration timeout) {
        Path dir = settings.dir().toAbsolutePath();
        Path conf = dir.resolve("conf");
        Path yamlFile = write(conf.resolve("cassandra.yaml"), yaml(settings));
        Path logback = write(conf.resolve("logback.xml"), resource("cassandra-logback.xml"));

        List<String> command = new ArrayList<>(List.of(settings.javaHome().resolve("bin/java").toString(),
                "-Xms256m", "-Xmx" + settings.maxHeap(), "-Xss256k", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmArgs());
        command.addAll(List.of(
                "-Dcassandra.config=" + yamlFile.toUri(),
                "-Dlogback.configurationFile=" + logback,
                "-Dcassandra-foreground=yes",
                // Loopback peers gossip within milliseconds: skip the waits that exist to let a real network settle.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=" + ringDelayMillis(settings),
                "-cp", settings.classpath(),
                "org.apache.cassandra.service.CassandraDaemon"));
        ChildProcess node = ChildProcess.start("cassandra node " + settings.address(), command, Map.of(), dir, settings.log());
        node.awaitReady(timeout, () -> node.logContains(READY_LINE) && Ports.isListening(settings.address(), settings.cqlPort()));
        return new CassandraNode(settings, node);
    }

    /**
     * A lone node waits for nobody. A ring member that restarts on its data first hears from its seed in a shadow
     * round, and gives up ("Unable to gossip with any peers") once the ring delay has passed: on a loaded machine the
     * seed's answer can take seconds, so ring members get a ring delay that covers it. A fresh member skips the shadow
     * round, so the longer delay costs nothing when the ring starts.
     */
    static long ringDelayMillis(Settings settings) {
        return settings.placement().seed().equals(settings.address()) ? 100 : 30_000;
    }

    /** The node's {@code cassandra.yaml}. */
    static String yaml(Settings settings) {
        return resource("cassandra.yaml")
                .replace("@DIR@", settings.dir().toAbsolutePath().toString())
                .replace("@ADDRESS@", settings.address())
                .replace("@SEED@", settings.placement().seed())
                .replace("@TOKEN@", settings.placement().initialToken())
                .replace("@CQL_PORT@", Integer.toString(settings.cqlPort()))
                .replace("@STORAGE_PORT@", Integer.toString(settings.storagePort()));
    }

    /** {@code <address>:<cql port>}. */
    public String contactPoint() {
        return settings.address() + ":" + settings.cqlPort();
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The CQL port. */
    public int cqlPort() {
        return settings.cqlPort();
    }

    /** The node's process. */
    @Override
    public ChildProcess process() {
        return process;
    }

    /** Stops the node cleanly: SIGTERM lets it flush, then force after a grace period. */
    @Override
    public void close() {
        process.stop();
    }

    private static List<String> jvmArgs() {
        return resource("cassandra-jvm17.args").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = CassandraNode.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the engines jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
