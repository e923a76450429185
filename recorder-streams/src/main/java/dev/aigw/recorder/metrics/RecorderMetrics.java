package dev.aigw.recorder.metrics;

import dev.aigw.recorder.store.WriteMeter;
import dev.aigw.recorder.topology.Counters;
import dev.aigw.schemas.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Optional;
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
