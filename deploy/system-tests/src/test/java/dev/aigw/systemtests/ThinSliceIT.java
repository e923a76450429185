package dev.aigw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.Gateway;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.recorder.Recorder;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.siem.SiemStream;
import dev.aigw.siem.config.SiemConfig;
import dev.aigw.testkit.Dashboard;
import dev.aigw.testkit.PrometheusText;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One blocking Anthropic request through the real gateway, Kafka, recorder, Cassandra and query API. */
@ExtendWith(RealStack.class)
class ThinSliceIT {
    private static final String ADMIN = "admin-token-for-thin-slice-" + UUID.randomUUID();
    private static final String PROVIDER_KEY = "sk-ant-provider-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String topic;
    private static String keyspace;
    private static FakeUpstream upstream;
    private static Recorder recorder;
    private static QueryApi query;
    private static Gateway gateway;
    private static SiemStream siem;
    private static String siemTopic;

    @BeforeAll
    static void startServices() throws Exception {
        topic = RealStack.unique("icpt");
        keyspace = RealStack.unique("audit");
        RealStack.createTopics(3, topic);
        upstream = FakeUpstream.replaying(Txtar.fixture("anthropic/simple.txtar"));
        Map<String, String> env = new HashMap<>(Map.of(
                "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap(),
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString(),
                "CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", topic,
                "CODER_AI_GATEWAY_ADMIN_TOKEN", ADMIN,
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", RealStack.cassandraContactPoint(),
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", keyspace,
                "CODER_AI_GATEWAY_PORT", "0",
                "CODER_AI_GATEWAY_QUERY_PORT", "0",
                "CODER_AI_GATEWAY_RECORDER_PORT", "0",
                "CODER_AI_GATEWAY_RECORDER_APPLICATION_ID", RealStack.unique("recorder")));
        siemTopic = RealStack.unique("siem");
        env.put("CODER_AI_GATEWAY_SIEM_TOPIC", siemTopic);
        env.put("CODER_AI_GATEWAY_SIEM_PORT", "0");
        env.put("CODER_AI_GATEWAY_SIEM_APPLICATION_ID", RealStack.unique("siem"));
        env.put("CODER_AI_GATEWAY_DATA_DIR", Files.createTempDirectory("recorder").toString());
        env.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());
        env.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", RealStack.unique("keys"));
        env.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", RealStack.unique("providers"));
        env.put("CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic");
        env.put("CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", upstream.url().toString());
        env.put("CODER_AI_GATEWAY_PROVIDER_0_KEY", PROVIDER_KEY);
        recorder = Recorder.start(RecorderConfig.fromEnv(env));
        Map<String, String> siemEnv = new HashMap<>(env);
        siemEnv.put("CODER_AI_GATEWAY_DATA_DIR", Files.createTempDirectory("siem").toString());
        siem = SiemStream.start(SiemConfig.fromEnv(siemEnv));
        query = QueryApi.start(QueryConfig.fromEnv(env));
        gateway = Gateway.start(GatewayConfig.fromEnv(env));
    }

    @AfterAll
    static void stopServices() {
        Services.closeAll(gateway, siem, query, recorder, upstream);
    }

    @Test
    void shouldAuditABlockingMessagesRequestFromGatewayToQueryApi() throws Exception {
        HttpResponse<String> answer = post(Txtar.fixture("anthropic/simple.txtar").required("request"), ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("id").asText()).isEqualTo("msg_01Pvyf26bY17RcjmWfJsXGBn");
        String interceptionId = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(sent.uri().getPath()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo(PROVIDER_KEY);
        assertThat(sent.header("Authorization")).isNull();

        List<ConsumerRecord<String, byte[]>> raw = eventsOf(interceptionId, 5);
        assertThat(raw).allSatisfy(r -> assertThat(r.value()[0]).isZero());
        assertThat(raw).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.ISO_8859_1)).doesNotContain(PROVIDER_KEY));
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        List<InterceptionEvent> events = raw.stream().map(r -> serde.deserializer().deserialize(topic, r.value())).toList();
        assertThat(events).extracting(InterceptionEvent::getSeq).containsExactly(0, 1, 2, 3, 4);
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("InterceptionStarted", "PromptUsage", "TokenUsage", "ModelThought", "InterceptionEnded");
        InterceptionStarted started = (InterceptionStarted) events.getFirst().getPayload();
        assertThat(started.getClient()).isEqualTo("Claude Code");
        assertThat(started.getClientSessionId()).isEqualTo("session-42");
        assertThat(started.getCredentialHint()).isEqualTo("sk-a...6789");
        assertThat(((InterceptionEnded) events.getLast().getPayload()).getStatus()).isEqualTo(InterceptionStatus.COMPLETED);

        JsonNode row = awaitInQueryApi("/api/v2/aibridge/interceptions", interceptionId);
        assertThat(row.path("provider").asText()).isEqualTo("anthropic");
        assertThat(row.path("model").asText()).isEqualTo("claude-sonnet-4-0");
        assertThat(row.path("client").asText()).isEqualTo("Claude Code");
        assertThat(row.path("initiator").path("id").asText()).isEqualTo("admin");
        assertThat(row.path("user_prompts").get(0).path("prompt").asText()).contains("angels can dance on the head of a pin");
        assertThat(row.path("token_usages").get(0).path("input_tokens").asLong()).isEqualTo(18);
        assertThat(row.path("token_usages").get(0).path("output_tokens").asLong()).isEqualTo(254);
        assertThat(row.path("token_usages").get(0).path("provider_response_id").asText()).isEqualTo("msg_01Pvyf26bY17RcjmWfJsXGBn");
        assertThat(awaitInQueryApi("/api/v2/ai-gateway/interceptions", interceptionId).path("id").asText()).isEqualTo(interceptionId);

        Row ttl = RealStack.cassandraSession().execute("SELECT TTL(model) AS t FROM " + keyspace
                + ".interceptions WHERE interception_id = " + interceptionId).one();
        assertThat(ttl).isNotNull();
        assertThat(ttl.getInt("t")).isBetween((int) Duration.ofDays(60).minusMinutes(5).toSeconds(),
                (int) Duration.ofDays(60).toSeconds());
        // The session and usage rows are written after the summary the query API showed: wait for their final versions.
        RealStack.await(Duration.ofSeconds(30), () -> {
            Row thread = RealStack.cassandraSession().execute("SELECT prompt, credential_kind, input_tokens FROM " + keyspace
                    + ".session_interceptions WHERE session_id = 'session-42' AND initiator_id = 'admin' AND started_at = ?"
                    + " AND interception_id = ?", events.getFirst().getInterceptionStartedAt(),
                    UUID.fromString(interceptionId)).one();
            assertThat(thread.getString("prompt")).contains("angels can dance on the head of a pin");
            assertThat(thread.getString("credential_kind")).isEqualTo("centralized");
            assertThat(thread.getLong("input_tokens")).isEqualTo(18);
            Row usage = RealStack.cassandraSession().execute("SELECT SUM(input_tokens) AS input FROM " + keyspace
                    + ".usage_by_initiator WHERE initiator_id = 'admin'").one();
            assertThat(usage.getLong("input")).isGreaterThanOrEqualTo(18);
            return thread;
        });
    }

    @Test
    void shouldForwardAnAuditedRequestToTheSiemTopicAsDocumentsAndASummary() throws Exception {
        HttpResponse<String> answer = post(Txtar.fixture("anthropic/simple.txtar").required("request"), ADMIN);
        assertThat(answer.statusCode()).isEqualTo(200);
        String interceptionId = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();

        List<JsonNode> documents = siemDocumentsOf(interceptionId, 6);

        assertThat(documents).extracting(d -> d.path("event.action").asText()).containsExactlyInAnyOrder(
                "interception_start", "prompt_usage", "token_usage", "model_thought", "interception_end",
                "interception_summary");
        JsonNode summary = documents.stream().filter(d -> d.path("event.action").asText().equals("interception_summary"))
                .findFirst().orElseThrow();
        assertThat(summary.path("gen_ai.provider.name").asText()).isEqualTo("anthropic");
        assertThat(summary.path("gen_ai.request.model").asText()).isEqualTo("claude-sonnet-4-0");
        assertThat(summary.path("user.id").asText()).isEqualTo("admin");
        assertThat(summary.path("gen_ai.usage.output_tokens").asLong()).isEqualTo(254);
        assertThat(summary.path("event.outcome").asText()).isEqualTo("success");
        assertThat(documents.toString()).doesNotContain(PROVIDER_KEY, ADMIN);
    }

    @Test
    void shouldAnswer200OnHealthOfEveryServiceSoTheDevStackSeesThemReady() throws Exception {
        for (int port : new int[] {gateway.port(), query.port(), recorder.port()}) {
            for (String path : List.of("/health/ready", "/health/live")) {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).as("port %d %s", port, path).isEqualTo(200);
                assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
            }
        }
    }

    @Test
    void shouldRelayAStreamAndAuditItWithTheFinalOutputCount() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Txtar.fixture("anthropic/simple.txtar").required("request"));
        request.put("stream", true);

        HttpResponse<String> answer = post(request.toString(), ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(answer.body()).contains("event: message_start").contains("event: message_stop");
        String interceptionId = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
        JsonNode row = awaitInQueryApi("/api/v2/aibridge/interceptions", interceptionId);
        assertThat(row.path("status").asText()).isEqualTo("completed");
        assertThat(row.path("token_usages").get(0).path("input_tokens").asLong()).isEqualTo(18);
        assertThat(row.path("token_usages").get(0).path("output_tokens").asLong()).isEqualTo(finalOutputCount());
        assertThat(row.path("user_prompts").get(0).path("prompt").asText()).contains("angels");
    }

    @Test
    void shouldServeEveryServicesMetricsWithTheAuditedRequestCounted() throws Exception {
        PrometheusText recorderBefore = scrape(recorder.port());

        HttpResponse<String> answer = post(Txtar.fixture("anthropic/simple.txtar").required("request"), ADMIN);
        awaitInQueryApi("/api/v2/aibridge/interceptions", answer.headers().firstValue("X-AI-Gateway-Interception-Id")
                .orElseThrow());

        String processed = "coder_ai_gateway_recorder_events_processed_total";
        // Each event is counted right after its rows are written, which the query API may show a moment earlier.
        PrometheusText recorderAfter = RealStack.await(Duration.ofSeconds(10), () -> {
            PrometheusText now = scrape(recorder.port());
            return now.sum(processed, "payload", "InterceptionEnded")
                    > recorderBefore.sum(processed, "payload", "InterceptionEnded") ? now : null;
        });
        for (String payload : List.of("InterceptionStarted", "PromptUsage", "TokenUsage", "ModelThought")) {
            assertThat(recorderAfter.sum(processed, "payload", payload)).as(payload)
                    .isGreaterThan(recorderBefore.sum(processed, "payload", payload));
        }
        // The sink writes a polled batch of rows at once; the timer counts batches.
        assertThat(recorderAfter.sum("coder_ai_gateway_recorder_cassandra_write_seconds_count")
                - recorderBefore.sum("coder_ai_gateway_recorder_cassandra_write_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(recorderAfter.samples("coder_ai_gateway_recorder_cassandra_write_errors_total")).singleElement()
                .satisfies(s -> assertThat(s.value()).isZero());
        assertThat(recorderAfter.names()).contains("coder_ai_gateway_recorder_dlq_total",
                "coder_ai_gateway_recorder_incomplete_closings_total", "kafka_consumer_fetch_manager_records_lag_max");
        PrometheusText queryApi = scrape(query.port());
        assertThat(queryApi.sum("coder_ai_gateway_query_request_seconds_count",
                "route", "/api/v2/aibridge/interceptions", "method", "GET", "status", "200")).isGreaterThanOrEqualTo(1);
        // The gateway's own names are checked against the dashboard by the gateway's MetricsIT.
        assertThat(Dashboard.metricNames()).filteredOn(name -> !name.startsWith("coder_ai_gateway_")
                        || name.startsWith("coder_ai_gateway_recorder_") || name.startsWith("coder_ai_gateway_query_"))
                .allSatisfy(name -> assertThat(recorderAfter.names().contains(name) || queryApi.names().contains(name))
                        .as(name + " served by the recorder or the query API").isTrue());
        assertThat(scrape(gateway.port()).sum("coder_ai_gateway_interceptions_total", "provider", "anthropic",
                "status", "completed")).isGreaterThanOrEqualTo(1);
    }

    private static PrometheusText scrape(int port) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return PrometheusText.parse(answer.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("no metrics on port " + port, e);
        }
    }

    private static long finalOutputCount() throws Exception {
        String stream = Txtar.fixture("anthropic/simple.txtar").required("streaming");
        String delta = stream.lines().filter(l -> l.contains("\"message_delta\"")).findFirst().orElseThrow();
        return JSON.readTree(delta.substring("data: ".length())).path("usage").path("output_tokens").asLong();
    }

    @Test
    void shouldAnswerInAnthropicShapeWhenKeyIsMissingOrWrongOrBodyIsMalformed() throws Exception {
        String request = Txtar.fixture("anthropic/simple.txtar").required("request");
        int before = upstream.received().size();

        HttpResponse<String> noKey = post(request, null);
        HttpResponse<String> wrongKey = post(request, ADMIN + "x");
        HttpResponse<String> malformed = post("{\"model\": ", ADMIN);

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(400);
        for (HttpResponse<String> r : List.of(noKey, wrongKey, malformed)) {
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("type").asText()).isEqualTo("error");
            assertThat(body.path("error").path("message").asText()).isNotBlank();
        }
        assertThat(JSON.readTree(malformed.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(upstream.received()).hasSize(before);
    }

    private static HttpResponse<String> post(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/api/v2/aibridge/anthropic/v1/messages"))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("User-Agent", "claude-cli/2.0.67 (external, cli)")
                .header("X-Claude-Code-Session-Id", "session-42")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // Read committed: the SIEM stream writes in transactions, and an aborted one must not count.
    private static List<JsonNode> siemDocumentsOf(String interceptionId, int expected) throws IOException {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, RealStack.unique("siem-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<JsonNode> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(siemTopic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (interceptionId.equals(r.key())) {
                        found.add(JSON.readTree(r.value()));
                    }
                }
            }
        }
        assertThat(found).as("SIEM documents of " + interceptionId).hasSize(expected);
        return found;
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(String interceptionId, int expected) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, RealStack.unique("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().equals(interceptionId)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static JsonNode awaitInQueryApi(String path, String interceptionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + query.port() + path + "?limit=10"))
                    .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            for (JsonNode row : JSON.readTree(page.body()).path("results")) {
                if (row.path("id").asText().equals(interceptionId) && !row.path("ended_at").isNull()
                        && !row.path("token_usages").isEmpty()) {
                    return row;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("interception " + interceptionId + " not visible in the query API within 30 s");
    }
}
