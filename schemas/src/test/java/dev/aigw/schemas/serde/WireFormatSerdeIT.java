package dev.aigw.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.schemas.Topics;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.testkit.RealStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Interception events through a real topic, framed with ids from the real dev registry. */
@ExtendWith(RealStack.class)
class WireFormatSerdeIT {
    private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void shouldRoundTripInterceptionEventsThroughKafkaAndTheRegistry() throws Exception {
        String topic = RealStack.unique("interceptions");
        RealStack.createTopics(1, topic);
        List<InterceptionEvent> sent = List.of(
                event(0, InterceptionStarted.newBuilder().setInitiatorId("u-1").setProvider("anthropic")
                        .setProviderName("claude").setModel("claude-sonnet").setRoute("/v1/messages")
                        .setApiKeyId(null).setClientSessionId(null).setCorrelatingToolCallId(null)
                        .setMetadata(Map.of("team", "core")).build()),
                event(1, TokenUsage.newBuilder().setProviderResponseId("msg_1").setProviderModel("claude-sonnet")
                        .setInputTokens(1200).setOutputTokens(345).setExtra(Map.of()).build()),
                event(2, InterceptionEnded.newBuilder().setStatus(InterceptionStatus.COMPLETED).setUpstreamStatus(200)
                        .setErrorType(null).setErrorMessage(null).build()));

        try (SchemaRegistryClient client = SchemaRegistryClient.create(RealStack.schemaRegistryUrl())) {
            WireFormatSerde<InterceptionEvent> serde = WireFormatSerde.create(client, InterceptionEvent.class);
            try (KafkaProducer<String, InterceptionEvent> producer = new KafkaProducer<>(producerConfig(),
                    new StringSerializer(), serde.serializer())) {
                for (InterceptionEvent event : sent) {
                    producer.send(new ProducerRecord<>(topic, event.getInterceptionId(), event)).get();
                }
            }

            assertThat(consume(topic, serde.deserializer(), sent.size())).containsExactlyElementsOf(sent);
        }

        int registeredId = latestId(Topics.valueSubject(topic));
        for (byte[] raw : consume(topic, new ByteArrayDeserializer(), sent.size())) {
            assertThat(raw[0]).isZero();
            assertThat(ByteBuffer.wrap(raw, 1, 4).getInt()).isEqualTo(registeredId);
        }
    }

    private static <V> List<V> consume(String topic, Deserializer<V> values, int count) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<V> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
            }
            return received;
        }
    }

    /** Asks the registry itself which id the serializer's registration got. */
    private static int latestId(String subject) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            URI uri = URI.create(RealStack.schemaRegistryUrl() + "/subjects/" + subject + "/versions/latest");
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body()).get("id").asInt();
        }
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static InterceptionEvent event(int seq, Object payload) {
        return InterceptionEvent.newBuilder()
                .setEventId("e-" + seq)
                .setInterceptionId("i-42")
                .setSeq(seq)
                .setOccurredAt(STARTED.plusMillis(seq))
                .setInterceptionStartedAt(STARTED)
                .setGatewayNode("node-it")
                .setPayload(payload)
                .build();
    }
}
