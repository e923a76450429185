package dev.aigw.gateway.live;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.testkit.RealStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of interception events from its start and keeps every record read, duplicates included. */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, InterceptionEvent> consumer;
    private final List<InterceptionEvent> read = new ArrayList<>();

    /** A reader of {@code topic} on {@code bootstrap}, decoding with the test kit's registry. */
    public TopicReader(String bootstrap, String topic) {
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, RealStack.unique("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), serde.deserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Reads until {@code done} holds for everything read so far, or the time is up; returns everything read. */
    public List<InterceptionEvent> readUntil(Duration timeout, Predicate<List<InterceptionEvent>> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(read) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
        }
        return List.copyOf(read);
    }

    /** Reads up to the current end of every partition (waiting for an assignment first); returns everything read. */
    public List<InterceptionEvent> readToEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !atEnd()) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add(r.value()));
        }
        return List.copyOf(read);
    }

    private boolean atEnd() {
        if (consumer.assignment().isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
