package dev.aigw.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes to a control topic and returns once the given view of that topic has applied the write, so a caller that
 * reads the view next sees its own change.
 *
 * @param <V> value type
 */
public final class ControlPublisher<V> implements AutoCloseable {
    private static final Duration APPLIED = Duration.ofSeconds(10);

    private final String topic;
    private final KafkaProducer<String, V> producer;
    private final CompactedTopicView<?> view;

    /** A publisher to {@code topic} whose writes are awaited in {@code view}. */
    public ControlPublisher(String bootstrap, String topic, Serializer<V> values, CompactedTopicView<?> view) {
        this.topic = topic;
        this.view = view;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "aigw-control-" + topic),
                new StringSerializer(), values);
    }

    /** Publishes the value of a key. */
    public void put(String key, V value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    /** Publishes a tombstone: the key is gone once the view applies it, and from the topic after compaction. */
    public void delete(String key) {
        send(new ProducerRecord<>(topic, key, null));
    }

    private void send(ProducerRecord<String, V> record) {
        RecordMetadata sent;
        try {
            sent = producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish " + record.key() + " to " + topic + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        }
        view.awaitApplied(sent.partition(), sent.offset(), APPLIED);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
