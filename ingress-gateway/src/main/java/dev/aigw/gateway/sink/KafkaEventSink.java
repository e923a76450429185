package dev.aigw.gateway.sink;

import dev.aigw.events.v1.InterceptionEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends events to the interceptions topic, keyed by interception id so one interception stays in order. */
public final class KafkaEventSink implements EventSink {
    private static final Logger LOG = Logger.getLogger(KafkaEventSink.class.getName());

    private final KafkaProducer<String, InterceptionEvent> producer;
    private final String topic;

    private KafkaEventSink(KafkaProducer<String, InterceptionEvent> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** An idempotent producer with {@code acks=all} to the given topic. */
    public static KafkaEventSink create(String bootstrap, String topic, Serializer<InterceptionEvent> values) {
        Objects.requireNonNull(topic, "topic");
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "aigw-gateway");
        return new KafkaEventSink(new KafkaProducer<>(props, new StringSerializer(), values), topic);
    }

    @Override
    public void emit(InterceptionEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.getInterceptionId(), event), (meta, error) -> {
                if (error != null) {
                    LOG.log(Level.WARNING, "event " + event.getEventId() + " of interception "
                            + event.getInterceptionId() + " not delivered: " + error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event " + event.getEventId() + " of interception "
                    + event.getInterceptionId() + " not accepted by the producer: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
