package dev.aigw.recorder.metrics;

import dev.aigw.recorder.store.RowSink;
import dev.aigw.recorder.store.WriteMeter;
import dev.aigw.recorder.topology.Counters;
import dev.aigw.servicekit.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The recorder's meters under {@value #PREFIX}, plus Kafka Streams' own (consumer lag among them) under
 * {@code kafka_}. The topology and the writer call the methods below as things happen; all are thread-safe.
 */
public final class RecorderMetrics implements Counters.Listener, WriteMeter, AutoCloseable {
    static final String PREFIX = "coder_ai_gateway_recorder_";

    private final ServiceMetrics service;
    private final MeterRegistry registry;
    private final Timer writes;
    private final Counter writeErrors;
    private final Counter incompleteClosed;
    private final Counter threadReplacements;
    private volatile Optional<KafkaStreamsMetrics> streams = Optional.empty();

    private RecorderMetrics(ServiceMetrics service) {
        this.service = service;
        this.registry = service.registry();
        this.writes = Timer.builder(PREFIX + "cassandra_write")
                .description("Cassandra writes of one batch of rows, failed ones included")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(1000))
                .register(registry);
        this.writeErrors = registry.counter(PREFIX + "cassandra_write_errors");
        this.incompleteClosed = registry.counter(PREFIX + "incomplete_closings");
        // Every reason from the start, at zero, so that a rate or an alert over them has a series before the first one.
        Stream.concat(Counters.DEAD_LETTER_REASONS.stream(), Stream.of(RowSink.REJECTED))
                .forEach(reason -> registry.counter(PREFIX + "dlq", "reason", reason));
        this.threadReplacements = Counter.builder(PREFIX + "stream_thread_replacements")
                .description("Stream threads replaced after an unexpected failure; a rising count is a restart loop")
                .register(registry);
    }

    /** A registry with the JVM meters and the recorder's, at zero. */
    public static RecorderMetrics create() {
        return new RecorderMetrics(ServiceMetrics.create());
    }

    /** Also reports the Streams app's own metrics: its consumer's lag, its threads, tasks and state stores. */
    public void bind(KafkaStreams app) {
        KafkaStreamsMetrics binder = new KafkaStreamsMetrics(app);
        binder.bindTo(registry);
        streams = Optional.of(binder);
    }

    /** One event folded into its interception, counted by payload type. */
    @Override
    public void processed(String payload) {
        registry.counter(PREFIX + "events_processed", "payload", payload).increment();
    }

    /** One record sent to the dead-letter topic, counted by reason. */
    @Override
    public void deadLettered(String reason) {
        registry.counter(PREFIX + "dlq", "reason", reason).increment();
    }

    /** One interception closed by the recorder because its end event never came. */
    @Override
    public void incompleteClosed() {
        incompleteClosed.increment();
    }

    /** One batch write to Cassandra, timed; a failed one is also counted as an error. */
    @Override
    public void batch(Duration took, boolean failed) {
        writes.record(took);
        if (failed) {
            writeErrors.increment();
        }
    }

    /** A stream thread failed unexpectedly and was replaced. */
    public void threadReplaced() {
        threadReplacements.increment();
    }

    /**
     * Reports how long the row sink has held rows unwritten, how often it failed to write them, its consumer lag and
     * how long the Streams app has had lag without committing, each read when scraped.
     */
    public void watchStalls(Supplier<Duration> sinkHeld, LongSupplier sinkRetries, LongSupplier sinkLag,
                            Supplier<Duration> streamsStalled) {
        Gauge.builder(PREFIX + "row_sink_held_seconds", () -> sinkHeld.get().toMillis() / 1000.0)
                .description("How long the row sink has held rows it has not written; 0 when it holds none")
                .register(registry);
        Gauge.builder(PREFIX + "row_sink_retries", sinkRetries::getAsLong)
                .description("Failed attempts to write the rows the row sink holds; 0 once they are written")
                .register(registry);
        Gauge.builder(PREFIX + "row_sink_lag_records", sinkLag::getAsLong)
                .description("Rows on the rows topic the row sink has not read yet")
                .register(registry);
        Gauge.builder(PREFIX + "streams_stalled_seconds", () -> streamsStalled.get().toMillis() / 1000.0)
                .description("How long the Streams app has had events to read and committed nothing")
                .register(registry);
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return service.scrape();
    }

    @Override
    public void close() {
        streams.ifPresent(KafkaStreamsMetrics::close);
        service.close();
    }
}
