package dev.aigw.recorder;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.metrics.RecorderMetrics;
import dev.aigw.recorder.store.AuditSchema;
import dev.aigw.recorder.store.AuditWriter;
import dev.aigw.recorder.store.CassandraAuditWriter;
import dev.aigw.recorder.topology.RecorderTopology;
import dev.aigw.schemas.metrics.ServiceMetrics;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A running recorder: the Streams app, its Cassandra session, its metrics and its health and metrics endpoints,
 * stopped together.
 */
public final class Recorder implements AutoCloseable {
    private final CqlSession session;
    private final KafkaStreams streams;
    private final WebServer server;
    private final RecorderMetrics metrics;

    private Recorder(CqlSession session, KafkaStreams streams, WebServer server, RecorderMetrics metrics) {
        this.session = session;
        this.streams = streams;
        this.server = server;
        this.metrics = metrics;
    }

    /** Applies the audit schema, starts the Streams app and the health and metrics endpoints. */
    public static Recorder start(RecorderConfig config) {
        CqlSession session = CqlSession.builder()
                .addContactPoints(config.cassandraContactPoints())
                .withLocalDatacenter(config.cassandraLocalDc())
                .build();
        AuditSchema.apply(session, config.keyspace(), config.replication());
        var events = WireFormatSerde.create(SchemaRegistryClient.create(config.schemaRegistryUrl()), InterceptionEvent.class);
        var cassandra = new CassandraAuditWriter(session, config.keyspace(), config.retention(), Clock.systemUTC());
        RecorderMetrics metrics = RecorderMetrics.create();
        AuditWriter writer = event -> {
            metrics.cassandraWrite(() -> cassandra.write(event));
            metrics.processed(event);
        };
        KafkaStreams streams = new KafkaStreams(RecorderTopology.build(config.interceptionsTopic(), events, writer),
                streamsConfig(config));
        // A failed Cassandra write fails the task; a new thread resumes from the last committed offset.
        streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        metrics.bind(streams);
        streams.start();
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .addFeature(ObserveFeature.just(HealthObserver.builder()
                        .endpoint("/health")
                        .details(true)
                        .addCheck(() -> HealthCheckResponse.builder()
                                .status(streams.state() == KafkaStreams.State.RUNNING)
                                .detail("streams", streams.state().name())
                                .build(), HealthCheckType.READINESS, "streams")
                        .addCheck(() -> cassandra(session), HealthCheckType.READINESS, "cassandra")
                        .build()))
                .routing(r -> r.get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, ServiceMetrics.CONTENT_TYPE)
                        .send(metrics.scrape())))
                .build()
                .start();
        return new Recorder(session, streams, server, metrics);
    }

    // Up while the driver holds a connection to some node; it reconnects by itself.
    private static HealthCheckResponse cassandra(CqlSession session) {
        long up = session.getMetadata().getNodes().values().stream().filter(n -> n.getState() == NodeState.UP).count();
        return HealthCheckResponse.builder().status(up > 0).detail("nodes_up", up).build();
    }

    static Properties streamsConfig(RecorderConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        return p;
    }

    /** The port of the health and metrics endpoints. */
    public int port() {
        return server.port();
    }

    /** The state of the Streams app. */
    public KafkaStreams.State state() {
        return streams.state();
    }

    @Override
    public void close() {
        server.stop();
        streams.close(Duration.ofSeconds(30));
        session.close();
        metrics.close();
    }
}
