package dev.aigw.engines;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root and the child-process classpaths its build writes. */
public final class Locations {
    /** System property naming the repository root; failsafe sets it. */
    public static final String ROOT_PROPERTY = "aigw.root";
    /** Environment variable naming the repository root. */
    public static final String ROOT_ENV = "AIGW_ROOT";

    private static final String CASSANDRA_MODULE = "deploy/cassandra-node";
    private static final String KAFKA_MODULE = "deploy/kafka-node";

    private Locations() {
    }

    /** The repository root: {@code aigw.root}, else {@code AIGW_ROOT}, else the nearest parent of the working dir holding the deploy modules. */
    public static Path repositoryRoot() {
        String configured = firstNonBlank(System.getProperty(ROOT_PROPERTY), System.getenv(ROOT_ENV));
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(CASSANDRA_MODULE))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root above " + start
                + ": set -D" + ROOT_PROPERTY + " or " + ROOT_ENV + " to the directory that holds deploy/cassandra-node");
    }

    /** The Cassandra node's classpath, written by the {@code cassandra-node} module. */
    public static String cassandraClasspath(Path root) {
        return readClasspath(root, CASSANDRA_MODULE, "cassandra.classpath");
    }

    /** The Kafka broker's classpath, written by the {@code kafka-node} module. */
    public static String kafkaClasspath(Path root) {
        return readClasspath(root, KAFKA_MODULE, "kafka.classpath");
    }

    /**
     * A service module's classes and runtime classpath, written by its build, for starting its main in a child JVM
     * without a fat jar.
     */
    public static String serviceClasspath(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        Path classes = target.resolve("classes");
        Path runtime = target.resolve("runtime.classpath");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(runtime)) {
            throw new StartupException(module + " is not built (" + runtime + " is missing):"
                    + " run ./mvnw -B -q -DskipTests package, or ./aigw up, which builds what is stale");
        }
        try {
            String dependencies = Files.readString(runtime).strip();
            return dependencies.isEmpty() ? classes.toString() : classes + File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readClasspath(Path root, String module, String name) {
        Path file = root.resolve(module).resolve("target").resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build it with ./mvnw -B -q -pl " + module
                    + " install -DskipTests (./aigw up and ./aigw test do it for you)");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
