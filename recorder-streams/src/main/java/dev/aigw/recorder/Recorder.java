package dev.aigw.recorder;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.metrics.RecorderMetrics;
import dev.aigw.auditstore.AuditSchema;
import dev.aigw.recorder.store.CassandraAuditWriter;
import dev.aigw.recorder.store.RowSink;
import dev.aigw.recorder.topology.Counters;
import dev.aigw.recorder.topology.DeadLetterProductionHandler;
import dev.aigw.recorder.topology.RecorderTopology;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.servicekit.cassandra.CassandraSessions;
import io.helidon.webserver.WebServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A running recorder: the Streams app that turns events into rows, the sink that writes rows to Cassandra, their
 * metrics and the health and metrics endpoints, stopped together.
 */
public final class Recorder implements AutoCloseable {
    private final CqlSession session;
    private final KafkaStreams streams;
    private final RowSink sink;
    private final Counters counters;
    private final WebServer server;
    private final RecorderMetrics metrics;

    private Recorder(CqlSession session, KafkaStreams streams, RowSink sink, Counters counters, WebServer server,
                     RecorderMetrics metrics) {
        this.session = session;
        this.streams = streams;
        this.sink = sink;
        this.counters = counters;
        this.server = server;
        this.metrics = metrics;
    }

    /** Starts the recorder on the system clock. */
    public static Recorder start(RecorderConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Applies the audit schema, creates the recorder's topics, starts the Streams app, the sink and the health and
     * metrics endpoints; {@code clock} times the sink and the stall watch.
     */
    public static Recorder start(RecorderConfig config, Clock clock) {
        CqlSession session = CassandraSessions.open(config.cassandra(), config.writeConsistency());
        try {
            AuditSchema.apply(session, config.cassandra().keyspace(), config.replication());
            RecorderTopics.ensure(config);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        var events = WireFormatSerde.create(SchemaRegistryClient.create(config.schemaRegistryUrl()), InterceptionEvent.class);
        RecorderMetrics metrics = RecorderMetrics.create();
        Counters counters = new Counters(metrics);
        KafkaStreams streams = new KafkaStreams(RecorderTopology.build(config, events.deserializer(), counters),
                streamsConfig(config, counters));
        // An unexpected failure replaces the thread, which resumes from the last commit; rows are upserts, so no harm.
        // Counted: a count that keeps rising is a restart loop, and readiness sees the lag it leaves (Stalls).
        streams.setUncaughtExceptionHandler(e -> {
            metrics.threadReplaced();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        metrics.bind(streams);
        streams.start();
        RowSink sink = RowSink.start(config.kafkaBootstrap(), config.applicationId() + "-sink", config.rowsTopic(),
                config.rowsDeadLetterTopic(),
                new CassandraAuditWriter(session, config.cassandra().keyspace()), metrics, clock);
        Stalls stalls = new Stalls(streams, sink, config.stallAfter(), clock);
        metrics.watchStalls(stalls::sinkHeld, () -> sink.status().retries(), () -> sink.status().lag(),
                stalls::streamsStalled);
        WebServer server = new Health(streams, sink, counters, stalls).server(config.host(), config.port(), metrics);
        return new Recorder(session, streams, sink, counters, server, metrics);
    }

    static Properties streamsConfig(RecorderConfig config, Counters counters) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // Changelog and repartition topics hold state the audit depends on: as many copies as the project's own topics.
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafkaReplication().factor());
        p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), config.kafkaReplication().minInSync());
        // No record may hold up the ones behind it (docs/audit-semantics.md, Bounds): a bug that throws on one event, a
        // record of a repartition topic that cannot be read, a derived record the broker refuses for good, each sends its
        // source record to the dead-letter topic with the reason, is counted, and processing goes on.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.deadLetterTopic());
        p.put(DeadLetterProductionHandler.TOPIC_CONFIG, config.deadLetterTopic());
        p.put(DeadLetterProductionHandler.COUNTERS_CONFIG, counters);
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

    /** Events not recorded, by reason. */
    public Counters counters() {
        return counters;
    }

    /** Stops the health endpoint, then Streams (committing what it processed), then the sink (committing what it wrote). */
    @Override
    public void close() {
        server.stop();
        streams.close(Duration.ofSeconds(30));
        sink.close();
        session.close();
        metrics.close();
    }
}
