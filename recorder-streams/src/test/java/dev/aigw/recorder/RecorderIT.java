package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.kafka.DeadLetters;
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
import org.apache.kafka.common.TopicPartition;
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
                assertThat(row.getString("route")).isEqualTo("/v1/messages");
                assertThat(row.getString("user_agent")).isEqualTo("claude-cli/2.0.67");
                assertThat(row.getString("gateway_node")).isEqualTo("gw-1");
                assertThat(row.getInt("upstream_status")).isEqualTo(200);
                assertThat(row.getInstant("last_event_at")).isEqualTo(i.at(7));
                assertThat(row.getString("prompt")).isEqualTo("fix the build");
                assertThat(row.getString("session_id")).isEqualTo(i.session());
                assertThat(row.getString("credential_hint")).isEqualTo("sk-a...6789");
                assertThat(row.getInstant("started_at")).isEqualTo(startedAt);
                assertThat(row.isNull("error_type")).isTrue();

                // Rounded down here, while the recorder rounds a row's TTL up so it never expires early: 2 s of slack.
                long ttl = Duration.ofDays(1).minus(Duration.between(startedAt, Instant.now())).toSeconds();
                Map<String, String> columnOf = Map.of("interceptions", "model", "prompts", "prompt", "token_usages",
                        "input_tokens", "tool_usages", "tool", "model_thoughts", "content");
                columnOf.forEach((table, column) -> {
                    Row t = RealStack.await(WAIT, () -> stack.one("SELECT TTL(" + column + ") AS t FROM {ks}." + table
                            + " WHERE interception_id = ? LIMIT 1", UUID.fromString(i.id())));
                    assertThat(t.getInt("t")).as(table).isBetween((int) ttl - 30, (int) ttl + 2);
                });
                assertThat(stack.all("SELECT * FROM {ks}.token_usages WHERE interception_id = ?", UUID.fromString(i.id())))
                        .extracting(r -> r.getInt("seq")).containsExactly(4, 6);
                LocalDate day = LocalDate.ofInstant(startedAt, ZoneOffset.UTC);
                // A summary's tables are written concurrently: the listings may trail the by-id row by a moment.
                RealStack.await(WAIT, () -> {
                    Row byDay = stack.one("SELECT initiator_id, model, status, TTL(model) AS t FROM {ks}.interceptions_by_day"
                            + " WHERE day = ? AND started_at = ? AND interception_id = ?", day, startedAt,
                            UUID.fromString(i.id()));
                    assertThat(byDay.getString("status")).isEqualTo("completed");
                    assertThat(byDay.getInt("t")).isBetween((int) ttl - 30, (int) ttl + 2);
                    assertThat(stack.one("SELECT status FROM {ks}.interceptions_by_initiator WHERE initiator_id = 'alice'"
                            + " AND day = ?", day).getString("status")).isEqualTo("completed");
                    assertThat(stack.all("SELECT value FROM {ks}.filter_values WHERE kind = 'model'"))
                            .extracting(r -> r.getString("value")).containsExactly("claude-sonnet-4-0");
                    return byDay;
                });

                // Session and usage rows go through one more stage: wait for their final versions.
                RealStack.await(WAIT, () -> {
                    Row session = stack.one("SELECT * FROM {ks}.sessions WHERE session_id = ? AND initiator_id = 'alice'",
                            i.session());
                    assertThat(session.getInt("threads")).isEqualTo(1);
                    assertThat(session.getLong("output_tokens")).isEqualTo(30);
                    assertThat(session.getString("last_prompt")).isEqualTo("fix the build");
                    return session;
                });
                assertThat(stack.one("SELECT prompt FROM {ks}.session_interceptions WHERE session_id = ?"
                        + " AND initiator_id = 'alice'", i.session()).getString("prompt")).isEqualTo("fix the build");
                Row usage = RealStack.await(WAIT, () -> {
                    Row u = stack.one("SELECT interceptions, input_tokens, TTL(input_tokens) AS t"
                            + " FROM {ks}.usage_by_initiator WHERE initiator_id = 'alice' AND day = ?", day);
                    assertThat(u.getLong("interceptions")).isEqualTo(1);
                    assertThat(u.getLong("input_tokens")).isEqualTo(130);
                    return u;
                });
                long dayTtl = Duration.between(Instant.now(), day.plusDays(2).atStartOfDay(ZoneOffset.UTC)).toSeconds();
                assertThat(usage.getInt("t")).isBetween((int) dayTtl - 30, (int) dayTtl + 1);

                List<ConsumerRecord<byte[], byte[]>> dead = readAll(config.deadLetterTopic(), 1);
                assertThat(dead.getFirst().value()).isEqualTo(garbage);
                assertThat(new String(dead.getFirst().headers().lastHeader(DeadLetters.REASON).value(),
                        StandardCharsets.UTF_8)).isEqualTo("undecodable");
                assertThat(recorder.counters().get("undecodable")).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldLeaveRowsAndRollupsIdenticalWhenEventsAreReplayedOrDerivedAgainFromScratch() throws Exception {
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
                before = RealStack.await(WAIT, () -> stable(stack));

                // Replayed events are all duplicates: once they are consumed, not one row has been emitted for them.
                Map<TopicPartition, Long> rowsBefore = stack.endOffsets(config.rowsTopic());
                stack.send(events);
                RealStack.await(WAIT, () -> stack.consumedAll(config.applicationId()) ? true : null);
                assertThat(stack.endOffsets(config.rowsTopic())).isEqualTo(rowsBefore);
                assertThat(stack.snapshot()).isEqualTo(before);
            }

            // A recorder with no state and its own rows topic re-derives every row from the events and rewrites it.
            Instant rederivedAfter = Instant.now();
            try (Recorder fresh = Recorder.start(RecorderConfig.fromEnv(stack.env(Map.of())))) {
                // Rows pass through earlier versions on their way: wait for every row rewritten and the tables as before.
                RealStack.await(WAIT, () -> {
                    assertThat(allRewrittenSince(stack, rederivedAfter)).isTrue();
                    assertThat(stack.snapshot()).isEqualTo(before);
                    return true;
                });
            }
            assertThat(before).filteredOn(r -> r.startsWith("usage_by_day ")).hasSize(rollups.size());
            assertThat(before).filteredOn(r -> r.startsWith("interceptions ")).hasSize(30);
        }
    }

    @Test
    void shouldListASessionOnceWhenAnInterceptionThatStartedEarlierArrivesLater() {
        Instant late = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS).plusNanos(900_000);
        // One session moves a whole second earlier; the other only 800 µs, within the millisecond Cassandra keeps.
        TestInterception second = TestInterception.of(late, "alice", "moves-" + UUID.randomUUID());
        TestInterception first = TestInterception.of(late.minusSeconds(1), "alice", second.session());
        TestInterception sameMilliSecond = TestInterception.of(late, "alice", "stays-" + UUID.randomUUID());
        TestInterception sameMilliFirst = TestInterception.of(late.minusNanos(800_000), "alice", sameMilliSecond.session());
        try (ItStack stack = new ItStack(1);
             Recorder recorder = Recorder.start(RecorderConfig.fromEnv(stack.env(Map.of())))) {
            stack.send(complete(second, "second"));
            stack.send(complete(sameMilliSecond, "second"));
            RealStack.await(WAIT, () -> stack.all("SELECT * FROM {ks}.sessions_by_day").size() == 2 ? true : null);
            stack.send(complete(first, "first"));
            stack.send(complete(sameMilliFirst, "first"));

            RealStack.await(WAIT, () -> {
                List<Row> listed = stack.all("SELECT session_id, started_at, threads FROM {ks}.sessions_by_day");
                assertThat(listed).extracting(r -> r.getString("session_id") + " " + r.getInstant("started_at") + " "
                        + r.getInt("threads")).containsExactlyInAnyOrder(
                        second.session() + " " + first.startedAt().truncatedTo(ChronoUnit.MILLIS) + " 2",
                        sameMilliSecond.session() + " " + late.truncatedTo(ChronoUnit.MILLIS) + " 2");
                assertThat(stack.all("SELECT session_id FROM {ks}.sessions_by_initiator WHERE initiator_id = 'alice'"
                        + " AND day = ?", LocalDate.ofInstant(late, ZoneOffset.UTC))).hasSize(2);
                return true;
            });
        }
    }

    // Sessions and rollups settle last: all 30 threads counted with all their output tokens, every summary completed.
    private static boolean sessionsDone(ItStack stack) {
        var sessions = stack.all("SELECT threads, output_tokens FROM {ks}.sessions");
        var usage = stack.all("SELECT interceptions, output_tokens FROM {ks}.usage_by_day");
        return sessions.stream().mapToInt(r -> r.getInt("threads")).sum() == 30
                && sessions.stream().mapToLong(r -> r.getLong("output_tokens")).sum() == 30 * 30
                && usage.stream().mapToLong(r -> r.getLong("interceptions")).sum() == 30
                && usage.stream().mapToLong(r -> r.getLong("output_tokens")).sum() == 30 * 30
                && stack.all("SELECT status FROM {ks}.interceptions").stream()
                .allMatch(r -> "completed".equals(r.getString("status")));
    }

    // The last end events may still be on their way to the sessions: a snapshot that holds for a second is final.
    private static List<String> stable(ItStack stack) {
        List<String> first = stack.snapshot();
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stack.snapshot().equals(first) ? first : null;
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
