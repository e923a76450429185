package dev.aigw.siem;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.servicekit.kafka.KafkaReplication;
import dev.aigw.servicekit.kafka.TopicSetup;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.servicekit.metrics.ServiceMetrics;
import dev.aigw.servicekit.serving.ServiceServer;
import dev.aigw.siem.config.SiemConfig;
import dev.aigw.siem.topology.SiemTopology;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.WebServer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A running SIEM stream: the Streams app, its health ({@code /health/live}, {@code /health/ready}) and its metrics
 * ({@code /metrics}: the JVM's and Kafka Streams' own, lag and commit rates among them).
 */
public final class SiemStream implements AutoCloseable {
    private static final EnumSet<KafkaStreams.State> DEAD = EnumSet.of(KafkaStreams.State.PENDING_ERROR,
            KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN, KafkaStreams.State.NOT_RUNNING);

    private final KafkaStreams streams;
    private final ServiceMetrics metrics;
    private final KafkaStreamsMetrics streamsMetrics;
    private final WebServer server;

    private SiemStream(KafkaStreams streams, ServiceMetrics metrics, KafkaStreamsMetrics streamsMetrics, WebServer server) {
        this.streams = streams;
        this.metrics = metrics;
        this.streamsMetrics = streamsMetrics;
        this.server = server;
    }

    /** Creates the SIEM topic unless it exists, starts the Streams app and the health endpoint. */
    public static SiemStream start(SiemConfig config) {
        ensureTopic(config);
        var events = WireFormatSerde.create(SchemaRegistryClient.create(config.schemaRegistryUrl()), InterceptionEvent.class);
        KafkaStreams streams = new KafkaStreams(SiemTopology.build(config, events), streamsConfig(config));
        // The replacement resumes from the last commit; with exactly-once nothing is written twice.
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        ServiceMetrics metrics = ServiceMetrics.create();
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        streams.start();
        try {
            return new SiemStream(streams, metrics, streamsMetrics, server(config, streams, metrics));
        } catch (RuntimeException e) {
            streams.close(Duration.ofSeconds(30));
            streamsMetrics.close();
            metrics.close();
            throw e;
        }
    }

    static Properties streamsConfig(SiemConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        // No gaps and no doubles on the SIEM topic across restarts: consumers read it read_committed, or de-duplicate
        // on event.id when they cannot.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafkaReplication().factor());
        p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), config.kafkaReplication().minInSync());
        // An event that cannot be read, or one that breaks the processor, is logged with its offset and skipped: one bad
        // record must not hold up every event behind it (docs/audit-semantics.md, Bounds).
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        return p;
    }

    // As many partitions as the events topic: documents keep the interception id as key, so one interception's stay in order.
    private static void ensureTopic(SiemConfig config) {
        KafkaReplication replication = config.kafkaReplication();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            TopicDescription events = TopicSetup.check(admin, replication, List.of(config.interceptionsTopic()))
                    .get(config.interceptionsTopic());
            TopicSetup.ensure(admin, replication, List.of(
                    replication.newTopic(config.siemTopic(), events.partitions().size(), Map.of())));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up the SIEM topic (does " + config.interceptionsTopic()
                    + " exist?): " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        }
    }

    private static WebServer server(SiemConfig config, KafkaStreams streams, ServiceMetrics metrics) {
        return ServiceServer.builder(config.host(), config.port(), metrics::scrape)
                .readiness("siem", () -> state(streams, streams.state() == KafkaStreams.State.RUNNING))
                .liveness("siem", () -> state(streams, !DEAD.contains(streams.state())))
                .start();
    }

    private static HealthCheckResponse state(KafkaStreams streams, boolean up) {
        return HealthCheckResponse.builder().status(up).detail("streams", streams.state().name()).build();
    }

    /** The port of the health endpoint. */
    public int port() {
        return server.port();
    }

    /** The state of the Streams app. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Stops the health endpoint, then Streams, committing what it processed. */
    @Override
    public void close() {
        server.stop();
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        metrics.close();
    }
}
