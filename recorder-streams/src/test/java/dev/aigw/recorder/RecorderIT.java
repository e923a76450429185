package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.topology.DeadLetters;
import dev.aigw.testkit.RealStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The recorder against the real broker, registry and Cassandra node. */
@ExtendWith(RealStack.class)
class RecorderIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static List<InterceptionEvent> complete(TestInterception i, String prompt) {
        return List.of(i.started(0), i.prompt(1, prompt), i.thought(2, "let me look"), i.tool(3, "Read"),
                i.tokens(4, 100, 20, 1000, 50, 5), i.tool(5, "Edit"), i.tokens(6, 30, 10, 0, 0, 0),
                i.ended(7, InterceptionStatus.COMPLETED));
    }

    @Test
    void shouldTurnEventsIntoTheExpectedRowsWithTheTtlOfTheirStart() {
        Instant startedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        TestInterception i = TestInterception.of(startedAt, "alice", "session-" + UUID.randomUUID());
        try (ItStack stack = new ItStack(3)) {
            Map<String, String> env = stack.env(Map.of("CODER_AI_GATEWAY_RETENTION", "1d"));
            RecorderConfig config = RecorderConfig.fromEnv(env);
            try (Recorder recorder = Recorder.start(config)) {
                stack.send(complete(i, "fix the build"));
                byte[] garbage = "not an event".getBytes(StandardCharsets.UTF_8);
                sendBytes(stack.events, i.id(), garbage);

                Row row = RealStack.await(WAIT, () -> stack.one("SELECT * FROM {ks}.interceptions WHERE interception_id = ?"
                        + " AND status = 'completed' ALLOW FILTERING", UUID.fromString(i.id())));
                assertThat(row.getLong("input_tokens")).isEqualTo(130);
                assertThat(row.getLong("output_tokens")).isEqualTo(30);
                assertThat(row.getLong("cache_read_input_tokens")).isEqualTo(1000);
                assertThat(row.getLong("cache_write_input_tokens")).isEqualTo(50);
                assertThat(row.getLong("reasoning_tokens")).isEqualTo(5);
                assertThat(row.getInt("tool_calls")).isEqualTo(2);
                assertThat(row.getLong("duration_ms")).isEqualTo(7_000);
                assertThat(row.getString("prompt")).isEqualTo("fix the build");
                assertThat(row.getString("session_id")).isEqualTo(i.session());
                assertThat(row.getString("credential_hint")).isEqualTo("sk-a...6789");
                assertThat(row.getInstant("started_at")).isEqualTo(startedAt);
                assertThat(row.isNull("error_type")).isTrue();

                long ttl = Duration.ofDays(1).minus(Duration.between(startedAt, Instant.now())).toSeconds();
                Map<String, String> columnOf = Map.of("interceptions", "model", "prompts", "prompt", "token_usages",
                        "input_tokens", "tool_usages", "tool", "model_thoughts", "content");
                columnOf.forEach((table, column) -> {
                    Row t = RealStack.await(WAIT, () -> stack.one("SELECT TTL(" + column + ") AS t FROM {ks}." + table
                            + " WHERE interception_id = ? LIMIT 1", UUID.fromString(i.id())));
                    assertThat(t.getInt("t")).as(table).isBetween((int) ttl - 30, (int) ttl + 1);
                });
                assertThat(stack.all("SELECT * FROM {ks}.token_usages WHERE interception_id = ?", UUID.fromString(i.id())))
                        .extracting(r -> r.getInt("seq")).containsExactly(4, 6);
                LocalDate day = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
                Row byDay = stack.one("SELECT initiator_id, model, status, TTL(model) AS t FROM {ks}.interceptions_by_day"
                        + " WHERE day = ? AND started_at = ? AND interception_id = ?", day, startedAt, UUID.fromString(i.id()));
                assertThat(byDay.getString("status")).isEqualTo("completed");
                assertThat(byDay.getInt("t")).isBetween((int) ttl - 30, (int) ttl + 1);
                assertThat(stack.one("SELECT model FROM {ks}.interceptions_by_initiator WHERE initiator_id = 'alice'"
                        + " AND day = ?", day).getString("model")).isEqualTo("claude-sonnet-4-0");

                Row session = RealStack.await(WAIT, () -> stack.one("SELECT * FROM {ks}.sessions WHERE session_id = ?"
                        + " AND initiator_id = 'alice' AND threads = 1 ALLOW FILTERING", i.session()));
                assertThat(session.getLong("output_tokens")).isEqualTo(30);
                assertThat(session.getString("last_prompt")).isEqualTo("fix the build");
                assertThat(stack.one("SELECT prompt FROM {ks}.session_interceptions WHERE session_id = ?"
                        + " AND initiator_id = 'alice'", i.session()).getString("prompt")).isEqualTo("fix the build");
                Row usage = RealStack.await(WAIT, () -> stack.one("SELECT interceptions, input_tokens, TTL(input_tokens) AS t"
                        + " FROM {ks}.usage_by_initiator WHERE initiator_id = 'alice' AND day = ?", day));
                assertThat(usage.getLong("interceptions")).isEqualTo(1);
                assertThat(usage.getLong("input_tokens")).isEqualTo(130);
                long dayTtl = Duration.between(Instant.now(), day.plusDays(2).atStartOfDay(ZoneOffset.UTC)).toSeconds();
                assertThat(usage.getInt("t")).isBetween((int) dayTtl - 30, (int) dayTtl + 1);
                assertThat(stack.all("SELECT value FROM {ks}.filter_values WHERE kind = 'model'"))
                        .extracting(r -> r.getString("value")).containsExactly("claude-sonnet-4-0");

                List<ConsumerRecord<byte[], byte[]>> dead = readAll(config.deadLetterTopic(), 1);
                assertThat(dead.getFirst().value()).isEqualTo(garbage);
                assertThat(new String(dead.getFirst().headers().lastHeader(DeadLetters.REASON).value(),
                        StandardCharsets.UTF_8)).isEqualTo("undecodable");
                assertThat(recorder.counters().get("undecodable")).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldLeaveRowsAndRollupsIdenticalWhenEventsAreReplayedOrDerivedAgainFromScratch() {
        Instant base = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        List<InterceptionEvent> events = new ArrayList<>();
        Set<String> rollups = new HashSet<>();
        for (int n = 0; n < 30; n++) {
            String person = n % 2 == 0 ? "alice" : "bob";
            TestInterception i = TestInterception.of(base.plusSeconds(n * 10L), person, "session-" + (n % 3));
            i = n % 5 == 0 ? i.withModel("claude-opus-4-1") : i;
            events.addAll(complete(i, "prompt " + n));
            rollups.add(LocalDate.ofInstant(i.startedAt(), ZoneOffset.UTC) + person + i.model());
        }
        try (ItStack stack = new ItStack(3)) {
            Map<String, String> env = stack.env(Map.of());
            RecorderConfig config = RecorderConfig.fromEnv(env);
            List<String> before;
            try (Recorder recorder = Recorder.start(config)) {
                stack.send(events);
                RealStack.await(WAIT, () -> sessionsDone(stack) ? true : null);
                before = stack.snapshot();

                stack.send(events);
                RealStack.await(WAIT, () -> stack.consumedAll(config.applicationId()) ? true : null);
                assertThat(stack.snapshot()).isEqualTo(before);
            }

            // A recorder with no state and its own rows topic re-derives every row from the events and rewrites it.
            Instant rederivedAfter = Instant.now();
            try (Recorder fresh = Recorder.start(RecorderConfig.fromEnv(stack.env(Map.of())))) {
                RealStack.await(WAIT, () -> allRewrittenSince(stack, rederivedAfter) ? true : null);
                assertThat(stack.snapshot()).isEqualTo(before);
            }
            assertThat(before).filteredOn(r -> r.startsWith("usage_by_day ")).hasSize(rollups.size());
            assertThat(before).filteredOn(r -> r.startsWith("interceptions ")).hasSize(30);
        }
    }

    // Sessions are the last rows to settle: alice's and bob's three sessions each, all 30 threads counted.
    private static boolean sessionsDone(ItStack stack) {
        return stack.all("SELECT threads FROM {ks}.sessions").stream()
                .mapToInt(r -> r.getInt("threads")).sum() == 30
                && stack.all("SELECT interceptions FROM {ks}.usage_by_day").stream()
                .mapToLong(r -> r.getLong("interceptions")).sum() == 30
                && stack.all("SELECT status FROM {ks}.interceptions").stream()
                .allMatch(r -> "completed".equals(r.getString("status")));
    }

    private static boolean allRewrittenSince(ItStack stack, Instant since) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, since);
        return stack.all("SELECT WRITETIME(status) AS w FROM {ks}.interceptions").stream().allMatch(r -> r.getLong("w") > micros)
                && stack.all("SELECT WRITETIME(threads) AS w FROM {ks}.sessions").stream().allMatch(r -> r.getLong("w") > micros)
                && stack.all("SELECT WRITETIME(interceptions) AS w FROM {ks}.usage_by_day").stream()
                .allMatch(r -> r.getLong("w") > micros);
    }

    private static void sendBytes(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value));
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, RealStack.unique("reader"),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
        }
        return found;
    }
}
