package dev.aigw.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.recorder.Recorder;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.StackEnv;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The audit views' test world, started once for every test class that extends with it: a real recorder and query API
 * on the shared Kafka, registry and Cassandra; keys for two members (alice, bob), an auditor (carol) and an admin
 * (dave); and ten interceptions over three past days, sent as gateway events and written by the recorder. The query
 * API is ready when every row is visible.
 */
final class AuditWorld implements BeforeAllCallback {
    static final String ADMIN_TOKEN = "admin-token-" + UUID.randomUUID();
    static final LocalDate D3 = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    static final LocalDate D2 = D3.plusDays(1);
    static final LocalDate D1 = D2.plusDays(1);

    static final Call A1 = call(D3, "10:00", "alice", "anthropic", "anthropic", "claude-sonnet-4-0", "Claude Code", "sess-a",
            null, List.of("toolu_a1"), "fix the build", "look at the logs", 100, 10, null);
    static final Call A2 = call(D3, "10:01", "alice", "anthropic", "anthropic", "claude-sonnet-4-0", "Claude Code", "sess-a",
            "toolu_a1", List.of("toolu_a2"), null, "edit the file", 200, 20, null);
    static final Call A3 = call(D3, "10:02", "alice", "anthropic", "anthropic", "claude-sonnet-4-0", "Claude Code", "sess-a",
            "toolu_a2", List.of(), null, null, 300, 30, null);
    static final Call A4 = call(D3, "11:00", "alice", "anthropic", "anthropic", "claude-sonnet-4-0", "Claude Code", "sess-a",
            null, List.of(), "now write tests", null, 50, 5, null);
    static final Call A5 = call(D2, "09:00", "alice", "openai", "openai-corp", "gpt-4o", "Codex", "sess-b",
            null, List.of(), "explain", null, 70, 7, null);
    static final Call A6 = call(D2, "09:30", "alice", "openai", "openai-corp", "gpt-4o", "Codex", "sess-b",
            null, List.of(), "more", null, 80, 8, null);
    static final Call B1 = call(D2, "12:00", "bob", "anthropic", "anthropic", "claude-opus-4", "Cursor", null,
            null, List.of(), "hello", null, 10, 1, null);
    static final Call B2 = call(D1, "08:00", "bob", "anthropic", "anthropic", "claude-opus-4", "Cursor", null,
            null, List.of(), "again, with \"quotes\"", null, 20, 2, "boom, bad");
    static final Call B3 = call(D1, "23:59:59.500", "bob", "anthropic", "anthropic-eu", "claude-sonnet-4-0", "Claude Code",
            "sess-c", null, List.of(), "late", null, 30, 3, null);
    static final Call C1 = call(D1, "13:00", "carol", "openai", "openai", "gpt-4o-mini", "Codex", null,
            null, List.of(), "audit me", null, 5, 1, null);
    /** Every interception, newest first. */
    static final List<Call> ALL = List.of(B3, C1, B2, B1, A6, A5, A4, A3, A2, A1);

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AuditWorld.class);
    private static Running running;

    /** The running world: the API and a key per role. */
    record Running(Recorder recorder, QueryApi query, Api api, Map<String, String> keys) implements AutoCloseable {
        @Override
        public void close() {
            query.close();
            recorder.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, k -> start(), Running.class);
    }

    static Api api() {
        return running.api();
    }

    /** The gateway key of alice, bob (members), carol (auditor) or dave (admin). */
    static String key(String person) {
        return running.keys().get(person);
    }

    private static synchronized Running start() {
        Map<String, String> env = env();
        Recorder recorder = Recorder.start(RecorderConfig.fromEnv(env));
        QueryApi query = QueryApi.start(QueryConfig.fromEnv(env));
        Api api = new Api(query.port());
        Map<String, String> keys = Map.of("alice", issue(api, "alice", "member"), "bob", issue(api, "bob", "member"),
                "carol", issue(api, "carol", "auditor"), "dave", issue(api, "dave", "admin"));
        send(env.get("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC"));
        RealStack.await(Duration.ofSeconds(90), () -> ready(api) ? true : null);
        running = new Running(recorder, query, api, keys);
        return running;
    }

    private static Map<String, String> env() {
        Map<String, String> env = StackEnv.create(3);
        env.put("CODER_AI_GATEWAY_ADMIN_TOKEN", ADMIN_TOKEN);
        // The world is polled while its events are still being recorded: a kept count of a past day would lag them.
        env.put("CODER_AI_GATEWAY_QUERY_COUNT_KEEP", "0s");
        env.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());
        return env;
    }

    /** Issues a key through the admin API and waits until the query API accepts it. */
    private static String issue(Api api, String person, String role) {
        Api.Answer created = api.post("/api/v2/keys", ADMIN_TOKEN,
                "{\"user_id\":\"" + person + "\",\"username\":\"" + person + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String key = created.json().path("key").asText();
        RealStack.await(Duration.ofSeconds(30), () -> api.get("/api/v2/keys", key).status() == 200 ? true : null);
        return key;
    }

    private static void send(String topic) {
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), serde.serializer())) {
            for (Call call : ALL) {
                call.events().forEach(e -> producer.send(new ProducerRecord<>(topic, e.getInterceptionId(), e)));
            }
        }
    }

    // Every table the views read is written: listings, details, sessions and rollups.
    private static boolean ready(Api api) {
        var interceptions = api.get("/api/v2/aibridge/interceptions", ADMIN_TOKEN).json();
        var sessions = api.get("/api/v2/aibridge/sessions", ADMIN_TOKEN).json();
        var usage = api.get("/api/v2/aibridge/usage", ADMIN_TOKEN).json();
        var threads = api.get("/api/v2/aibridge/sessions/sess-a", ADMIN_TOKEN).json();
        return interceptions.path("results").size() == ALL.size()
                && interceptions.path("results").findValues("ended_at").stream().noneMatch(v -> v.isNull())
                && sessions.path("sessions").size() == 6 && usage.path("total").path("interceptions").asLong() == ALL.size()
                && threads.path("thread_count").asInt() == 2;
    }

    private static Call call(LocalDate day, String time, String initiator, String provider, String providerName,
                             String model, String client, String session, String correlating, List<String> toolCalls,
                             String prompt, String thought, long input, long output, String error) {
        Instant at = day.atTime(LocalTime.parse(time)).toInstant(ZoneOffset.UTC);
        return new Call(UUID.randomUUID(), at, initiator, provider, providerName, model, client, session, correlating,
                toolCalls, prompt, thought, input, output, error);
    }
}
