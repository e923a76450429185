package dev.aigw.recorder.metrics;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.schemas.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The recorder's meters under {@value #PREFIX}, plus Kafka Streams' own (consumer lag among them) under
 * {@code kafka_}. The topology and the writer call the methods below as things happen; all are thread-safe.
 */
public final class RecorderMetrics implements AutoCloseable {
    static final String PREFIX = "coder_ai_gateway_recorder_";

    private final ServiceMetrics service;
    private final MeterRegistry registry;
    private final Timer writes;
    private final Counter writeErrors;
    private final Counter deadLettered;
    private final Counter incompleteClosed;
    private volatile Optional<KafkaStreamsMetrics> streams = Optional.empty();

    private RecorderMetrics(ServiceMetrics service) {
        this.service = service;
        this.registry = service.registry();
        this.writes = Timer.builder(PREFIX + "cassandra_write")
                .description("Cassandra writes of one event or aggregate, failed ones included")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(1000))
                .register(registry);
        this.writeErrors = registry.counter(PREFIX + "cassandra_write_errors");
        this.deadLettered = registry.counter(PREFIX + "dlq");
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

    /** One event fully handled (its rows written or folded into an aggregate), counted by payload type. */
    public void processed(InterceptionEvent event) {
        String payload = event.getPayload() instanceof SpecificRecord r ? r.getSchema().getName() : "unknown";
        registry.counter(PREFIX + "events_processed", "payload", payload).increment();
    }

    /** One record sent to the dead-letter topic. */
    public void deadLettered() {
        deadLettered.increment();
    }

    /** One interception closed by the recorder because its end event never came. */
    public void incompleteClosed() {
        incompleteClosed.increment();
    }

    /** Runs one Cassandra write, timing it and counting it as an error if it throws (which it then does again). */
    public void cassandraWrite(Runnable write) {
        long start = System.nanoTime();
        try {
            write.run();
        } catch (RuntimeException e) {
            writeErrors.increment();
            throw e;
        } finally {
            writes.record(Duration.ofNanos(System.nanoTime() - start));
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
