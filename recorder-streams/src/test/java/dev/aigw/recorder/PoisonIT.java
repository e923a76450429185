package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.kafka.DeadLetters;
import dev.aigw.recorder.kafka.SmileSerde;
import dev.aigw.recorder.store.RowSink;
import dev.aigw.schemas.bounds.AuditBounds;
import dev.aigw.testkit.Dashboard;
import dev.aigw.testkit.PrometheusText;
import dev.aigw.testkit.RealStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison, then an ordinary request of another person, on one partition so that the poison is at the head of the line:
 * the ordinary one must be audited, and the poison kept truncated and marked, or dead-lettered with its reason.
 */
@ExtendWith(RealStack.class)
class PoisonIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String LONG_MODEL = "m".repeat(70_000);
    private static final String CONTROL_PROMPT = controlCharacters(300_000);

    @Test
    void shouldAuditTheNextPersonAndKeepThePoisonTruncatedAndMarkedWhenEventsBypassTheGatewayBounds() throws Exception {
        Instant now = Instant.now();
        TestInterception longModel = TestInterception.of(now, "mallory", null).withModel(LONG_MODEL);
        TestInterception controls = TestInterception.of(now, "trudy", null);
        TestInterception ordinary = TestInterception.of(now, "carol", null);
        try (ItStack stack = new ItStack(1);
             Recorder recorder = Recorder.start(RecorderConfig.fromEnv(stack.env(Map.of())))) {
            stack.send(complete(longModel, "hello"));
            stack.send(complete(controls, CONTROL_PROMPT));
            stack.send(complete(ordinary, "an ordinary prompt"));

            RealStack.await(WAIT, () -> completed(stack, ordinary));

            Row cut = RealStack.await(WAIT, () -> completed(stack, longModel));
            assertThat(cut.getString("model")).hasSize(AuditBounds.IDENTIFIER_BYTES);
            assertThat(cut.getMap("truncated", String.class, String.class))
                    .containsEntry("model", "70000:" + AuditBounds.sha256(LONG_MODEL));
            Row prompt = RealStack.await(WAIT, () -> stack.one("SELECT * FROM {ks}.prompts WHERE interception_id = ?",
                    UUID.fromString(controls.id())));
            assertThat(prompt.getString("prompt")).hasSize(AuditBounds.TEXT_BYTES);
            assertThat(prompt.getMap("truncated", String.class, String.class))
                    .containsEntry("prompt", "300000:" + AuditBounds.sha256(CONTROL_PROMPT));
            assertThat(RealStack.await(WAIT, () -> completed(stack, controls)).getMap("truncated", String.class,
                    String.class)).containsKey("prompt");
            // Ready again once nothing is held: a rebalance (a Streams thread's new repartition topic) may answer 503 for
            // a moment, a recorder stuck on the poison would stay 503.
            RealStack.await(WAIT, () -> ItStack.get(recorder, "/health/ready").statusCode() == 200 ? true : null);
            // The dashboard's recorder panels (stalls, dead letters by reason) query what the recorder serves.
            PrometheusText metrics = PrometheusText.parse(ItStack.get(recorder, "/metrics").body());
            assertThat(Dashboard.metricNames()).filteredOn(name -> name.startsWith("coder_ai_gateway_recorder_"))
                    .isNotEmpty().allSatisfy(name -> assertThat(metrics.names()).contains(name));
            assertThat(metrics.sum("coder_ai_gateway_recorder_row_sink_held_seconds")).isLessThan(60.0);
        }
    }

    @Test
    void shouldDeadLetterARowCassandraRefusesAndWriteTheNextOneWhenARowKeyIsOverCassandrasLimit() throws Exception {
        try (ItStack stack = new ItStack(1)) {
            String rowsTopic = RealStack.unique("rows");
            String rowsDlq = RealStack.unique("rows-dlq");
            Map<String, String> env = stack.env(Map.of("CODER_AI_GATEWAY_RECORDER_ROWS_TOPIC", rowsTopic,
                    "CODER_AI_GATEWAY_RECORDER_ROWS_DLQ_TOPIC", rowsDlq));
            try (Recorder recorder = Recorder.start(RecorderConfig.fromEnv(env))) {
                LocalDate day = LocalDate.now(ZoneOffset.UTC);
                Instant expires = Instant.now().plus(Duration.ofDays(1));
                // A clustering key over 64 KiB, written straight to the rows topic: no bound stands before it.
                AuditRow refused = new AuditRow.FilterValue("model", LONG_MODEL, null, day, expires);
                AuditRow next = new AuditRow.FilterValue("model", "after-the-refused-one", null, day, expires);
                sendRows(rowsTopic, refused, next);

                RealStack.await(WAIT, () -> stack.one("SELECT value FROM {ks}.filter_values WHERE kind = 'model'"
                        + " AND value = 'after-the-refused-one' ALLOW FILTERING"));
                ConsumerRecord<String, byte[]> letter = RealStack.await(WAIT, () -> first(rowsDlq));
                assertThat(letter.key()).isEqualTo(refused.key());
                assertThat(header(letter, DeadLetters.REASON)).isEqualTo(RowSink.REJECTED);
                assertThat(header(letter, RowSink.TABLE)).isEqualTo("filter_values");
                assertThat(header(letter, DeadLetters.DETAIL)).contains("InvalidQueryException");
                assertThat(SmileSerde.of(AuditRow.class).deserialize(rowsDlq, letter.value())).isEqualTo(refused);
                assertThat(ItStack.get(recorder, "/metrics").body())
                        .contains("coder_ai_gateway_recorder_dlq_total{reason=\"store_rejected\"} 1.0");
                RealStack.await(WAIT, () -> ItStack.get(recorder, "/health/ready").statusCode() == 200 ? true : null);
            }
        }
    }

    private static List<InterceptionEvent> complete(TestInterception i, String prompt) {
        return List.of(i.started(0), i.prompt(1, prompt), i.tokens(2, 10, 5, 0, 0, 0), i.ended(3, InterceptionStatus.COMPLETED));
    }

    private static Row completed(ItStack stack, TestInterception i) {
        Row row = stack.one("SELECT * FROM {ks}.interceptions WHERE interception_id = ?", UUID.fromString(i.id()));
        return row != null && "completed".equals(row.getString("status")) ? row : null;
    }

    private static void sendRows(String topic, AuditRow... rows) {
        SmileSerde<AuditRow> serde = SmileSerde.of(AuditRow.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer())) {
            for (AuditRow row : rows) {
                producer.send(new ProducerRecord<>(topic, row.key(), serde.serialize(topic, row)));
            }
        }
    }

    private static ConsumerRecord<String, byte[]> first(String topic) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealStack.kafkaBootstrap(), ConsumerConfig.GROUP_ID_CONFIG, RealStack.unique("read-dlq"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            var records = consumer.poll(Duration.ofSeconds(5));
            return records.isEmpty() ? null : records.iterator().next();
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    // Every control character but NUL, over and over: each would take six bytes as JSON text.
    private static String controlCharacters(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (1 + i % 31));
        }
        return s.toString();
    }
}
