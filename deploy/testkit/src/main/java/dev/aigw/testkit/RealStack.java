package dev.aigw.testkit;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.aigw.engines.CassandraNode;
import dev.aigw.registry.RegistryConfig;
import dev.aigw.registry.SchemaRegistryServer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real engines for integration tests: {@code @ExtendWith(RealStack.class)} on an {@code *IT}, then call the static
 * accessors. Each engine starts once per test JVM, on first use, is shared by every test class, and stops at exit.
 */
public final class RealStack implements BeforeAllCallback {
    private static final String SCHEMAS_TOPIC = "_schemas";
    private static final int MAX_NAME = 48;
    private static final String RUN = Long.toString(new SecureRandom().nextLong() >>> 1, 36).substring(0, 6);
    private static final AtomicLong COUNTER = new AtomicLong();

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealStack.class);

    private static final Lazy<TestKafka> KAFKA = new Lazy<>(TestKafka::start);
    private static final Lazy<TestCassandra> CASSANDRA = new Lazy<>(TestCassandra::start);
    private static final Lazy<CqlSession> SESSION = new Lazy<>(() -> CASSANDRA.get().openSession());
    private static final Lazy<SchemaRegistryServer> REGISTRY = new Lazy<>(() -> SchemaRegistryServer.start(
            new RegistryConfig("127.0.0.1", 0, kafkaBootstrap(), SCHEMAS_TOPIC)));

    /**
     * Starts nothing (a class that needs only Kafka must not wait for Cassandra); arranges for the engines to stop
     * when the test plan ends, while the test JVM is still fully alive, rather than in a shutdown hook racing its exit.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EndOfPlan.class, key -> new EndOfPlan(), EndOfPlan.class);
    }

    /** The shared broker's bootstrap servers. */
    public static String kafkaBootstrap() {
        return KAFKA.get().bootstrap();
    }

    /** The shared Cassandra node as {@code 127.0.0.1:PORT}. */
    public static String cassandraContactPoint() {
        return CASSANDRA.get().contactPoint();
    }

    /** The node's data center, {@code datacenter1}. */
    public static String cassandraLocalDc() {
        return CassandraNode.LOCAL_DC;
    }

    /** A session on the shared node, with no keyspace; do not close it. */
    public static CqlSession cassandraSession() {
        return SESSION.get();
    }

    /**
     * Stops the shared Cassandra node, keeping its data, to test an outage; {@link #restartCassandra()} brings it back.
     * Call both in one test, the restart in a {@code finally}: the node is shared by every test class of the JVM.
     */
    public static void stopCassandra() {
        CASSANDRA.get().stop();
    }

    /** Starts the shared Cassandra node again on the same data and ports if it was stopped; waits until it serves CQL. */
    public static void restartCassandra() {
        CASSANDRA.get().restart();
    }

    /** The shared dev schema registry, backed by the shared broker. */
    public static URI schemaRegistryUrl() {
        return REGISTRY.get().url();
    }

    /** A fresh name, lowercase {@code [a-z0-9_]}, at most 48 chars: valid as a Kafka topic and a Cassandra keyspace. */
    public static String unique(String prefix) {
        String suffix = "_" + RUN + "_" + Long.toString(COUNTER.incrementAndGet(), 36);
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "t" + clean;
        }
        return clean.substring(0, Math.min(clean.length(), MAX_NAME - suffix.length())) + suffix;
    }

    /** Creates the topics with replication 1 unless they exist, and waits until the broker serves them. */
    public static void createTopics(int partitions, String... names) {
        KAFKA.get().createTopics(partitions, names);
    }

    /** Polls {@code until} every 50 ms until it returns non-null; exceptions and failed assertions count as not yet. */
    public static <T> T await(Duration timeout, Supplier<T> until) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (true) {
            try {
                T value = until.get();
                if (value != null) {
                    return value;
                }
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout, last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }

    /** Kept in the root store, which JUnit closes after the last test of the plan. */
    private static final class EndOfPlan implements AutoCloseable {
        @Override
        public void close() {
            Shutdown.closeAll();
        }
    }
}
