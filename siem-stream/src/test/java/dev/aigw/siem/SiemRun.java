package dev.aigw.siem;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.siem.config.SiemConfig;
import dev.aigw.testkit.RealStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A run of interceptions on the shared broker: their events written to a fresh events topic in the wire format with the
 * gateway's serializer and the dev registry, and a SIEM stream turning them into a fresh SIEM topic.
 */
final class SiemRun implements AutoCloseable {
    private final String eventsTopic;
    private final String siemTopic;
    private final List<InterceptionEvent> events;
    private final SiemStream stream;

    private SiemRun(String eventsTopic, String siemTopic, List<InterceptionEvent> events, SiemStream stream) {
        this.eventsTopic = eventsTopic;
        this.siemTopic = siemTopic;
        this.events = events;
        this.stream = stream;
    }

    /** Writes {@code interceptions} interceptions' events and starts a SIEM stream on them. */
    static SiemRun start(int interceptions) throws IOException {
        String eventsTopic = RealStack.unique("siem_events");
        String siemTopic = RealStack.unique("siem_docs");
        RealStack.createTopics(3, eventsTopic);
        List<InterceptionEvent> events = new ArrayList<>();
        for (int i = 0; i < interceptions; i++) {
            events.addAll(TestEvents.interception("user-" + i, Instant.now()));
        }
        produce(eventsTopic, events);
        SiemConfig config = SiemConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap(),
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString(),
                "CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", eventsTopic,
                "CODER_AI_GATEWAY_SIEM_TOPIC", siemTopic,
                "CODER_AI_GATEWAY_SIEM_APPLICATION_ID", RealStack.unique("siem_app"),
                "CODER_AI_GATEWAY_SIEM_PORT", "0",
                "CODER_AI_GATEWAY_DATA_DIR", Files.createTempDirectory("aigw-siem-it").toString()));
        return new SiemRun(eventsTopic, siemTopic, List.copyOf(events), SiemStream.start(config));
    }

    String eventsTopic() {
        return eventsTopic;
    }

    String siemTopic() {
        return siemTopic;
    }

    /** Every event's id. */
    List<String> eventIds() {
        return events.stream().map(InterceptionEvent::getEventId).toList();
    }

    /** Every document's {@code event.id}: the events' ids and one summary per interception. */
    List<String> documentIds() {
        List<String> ids = new ArrayList<>(eventIds());
        events.stream().map(InterceptionEvent::getInterceptionId).distinct().map(id -> id + "/summary").forEach(ids::add);
        return ids;
    }

    private static void produce(String topic, List<InterceptionEvent> events) {
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), serde.serializer())) {
            for (InterceptionEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.getInterceptionId(), event)).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the test events", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lines of {@code file}, none if it does not exist yet. */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
