package dev.aigw.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the JDKs the engines run on: the current one, and a JDK 17 or 11 for Cassandra, which fails on 24+. */
public final class Jdks {
    /** Environment variable (or system property) naming the JDK home the Cassandra node runs on. */
    public static final String CASSANDRA_JAVA_HOME = "CODER_AI_GATEWAY_CASSANDRA_JAVA_HOME";

    private static final Path JVM_DIR = Path.of("/usr/lib/jvm");
    private static final List<Integer> CASSANDRA_VERSIONS = List.of(17, 11);

    private Jdks() {
    }

    /** The {@code java} launcher of the JVM running this code. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The JDK home for the Cassandra node: {@value #CASSANDRA_JAVA_HOME}, else a JDK 17 or 11 under /usr/lib/jvm. */
    public static Path cassandraJavaHome() {
        String configured = Locations.firstNonBlank(System.getProperty(CASSANDRA_JAVA_HOME), System.getenv(CASSANDRA_JAVA_HOME));
        if (configured != null) {
            Path home = Path.of(configured);
            int version = featureVersion(home);
            if (!CASSANDRA_VERSIONS.contains(version)) {
                throw new IllegalStateException(CASSANDRA_JAVA_HOME + "=" + home + " is "
                        + (version < 0 ? "not a JDK home" : "JDK " + version) + ": Cassandra 5.0 needs a JDK 17 or 11");
            }
            return home;
        }
        for (int wanted : CASSANDRA_VERSIONS) {
            Optional<Path> found = installed().filter(home -> featureVersion(home) == wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("Cassandra 5.0 needs a JDK 17 (or 11) and none was found in " + JVM_DIR
                + ": install one (apt-get install openjdk-17-jdk-headless) or set " + CASSANDRA_JAVA_HOME
                + " to the home directory of a JDK 17");
    }

    /** The feature version (17, 25, ...) of the JDK at {@code home} from its {@code release} file, or -1. */
    public static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return -1;
        }
        try (Stream<String> lines = Files.lines(release)) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(Jdks::feature)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int feature(String version) {
        String[] parts = version.split("[.+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Stream<Path> installed() {
        if (!Files.isDirectory(JVM_DIR)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(JVM_DIR)) {
            return entries.sorted(Comparator.naturalOrder()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
