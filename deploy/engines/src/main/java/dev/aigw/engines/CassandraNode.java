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

/** A single Cassandra 5.0 node as a child JVM on a JDK 17 (or 11); its data survives restarts on the same directory. */
public final class CassandraNode implements AutoCloseable {
    /** The data center name of the node, for the driver's {@code withLocalDatacenter}. */
    public static final String LOCAL_DC = "datacenter1";

    private static final String READY_LINE = "Startup complete";

    private final Settings settings;
    private final ChildProcess process;

    /** Where and how the node runs: {@code dir} holds its config and its data. */
    public record Settings(Path dir, int cqlPort, int storagePort, String maxHeap, Path log, Path javaHome, String classpath) {
        /** Settings with a 1 GB heap, the JDK {@link Jdks#cassandraJavaHome()} finds and the cassandra-node classpath. */
        public static Settings of(Path dir, int cqlPort, int storagePort, Path log) {
            return new Settings(dir, cqlPort, storagePort, "1g", log, Jdks.cassandraJavaHome(),
                    Locations.cassandraClasspath(Locations.repositoryRoot()));
        }
    }

    private CassandraNode(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Writes the node's config, starts it and waits until it serves CQL. */
    public static CassandraNode start(Settings settings, Duration timeout) {
        Path dir = settings.dir().toAbsolutePath();
        Path conf = dir.resolve("conf");
        String yaml = resource("cassandra.yaml")
                .replace("@DIR@", dir.toString())
                .replace("@CQL_PORT@", Integer.toString(settings.cqlPort()))
                .replace("@STORAGE_PORT@", Integer.toString(settings.storagePort()));
        Path yamlFile = write(conf.resolve("cassandra.yaml"), yaml);
        Path logback = write(conf.resolve("logback.xml"), resource("cassandra-logback.xml"));

        List<String> command = new ArrayList<>(List.of(settings.javaHome().resolve("bin/java").toString(),
                "-Xms256m", "-Xmx" + settings.maxHeap(), "-Xss256k", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmArgs());
        command.addAll(List.of(
                "-Dcassandra.config=" + yamlFile.toUri(),
                "-Dlogback.configurationFile=" + logback,
                "-Dcassandra-foreground=yes",
                // One node, no peers: skip the waits that exist to let a ring settle.
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                "-Dcassandra.ring_delay_ms=100",
                "-cp", settings.classpath(),
                "org.apache.cassandra.service.CassandraDaemon"));
        ChildProcess node = ChildProcess.start("cassandra node", command, Map.of(), dir, settings.log());
        node.awaitReady(timeout, () -> node.logContains(READY_LINE) && Ports.isListening(settings.cqlPort()));
        return new CassandraNode(settings, node);
    }

    /** {@code 127.0.0.1:<cql port>}. */
    public String contactPoint() {
        return "127.0.0.1:" + settings.cqlPort();
    }

    /** The CQL port. */
    public int cqlPort() {
        return settings.cqlPort();
    }

    /** The node's process. */
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
