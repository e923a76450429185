package dev.aigw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.gateway.Gateway;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.auditstore.AuditSchema;
import dev.aigw.control.GatewayKeys;
import dev.aigw.control.MasterKey;
import dev.aigw.control.SealingException;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Keys and providers managed through the query API reach running gateway nodes over the compacted control topics. */
@ExtendWith(RealStack.class)
class ControlPlaneIT {
    private static final String ADMIN = "admin-token-for-control-plane-" + UUID.randomUUID();
    private static final String PROVIDER_KEY = "sk-ant-provider-secret-0123456789";
    private static final String OTHER_PROVIDER_KEY = "sk-ant-second-provider-secret-9876543210";
    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Txtar FIXTURE = Txtar.fixture("anthropic/simple.txtar");

    private static Map<String, String> env;
    private static FakeUpstream upstream;
    private static FakeUpstream otherUpstream;
    private static QueryApi query;
    private static Gateway gateway;

    @BeforeAll
    static void startServices() {
        String keyspace = RealStack.unique("audit");
        AuditSchema.apply(RealStack.cassandraSession(), keyspace, "{'class': 'SimpleStrategy', 'replication_factor': 1}");
        upstream = FakeUpstream.replaying(FIXTURE);
        otherUpstream = FakeUpstream.replaying(FIXTURE);
        env = new HashMap<>(Map.of(
                "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap(),
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString(),
                "CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", RealStack.unique("icpt"),
                "CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", RealStack.unique("keys"),
                "CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", RealStack.unique("providers"),
                "CODER_AI_GATEWAY_ADMIN_TOKEN", ADMIN,
                "CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate(),
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", RealStack.cassandraContactPoint(),
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", keyspace,
                "CODER_AI_GATEWAY_PORT", "0"));
        env.put("CODER_AI_GATEWAY_QUERY_PORT", "0");
        env.put("CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic");
        env.put("CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", upstream.url().toString());
        env.put("CODER_AI_GATEWAY_PROVIDER_0_KEY", PROVIDER_KEY);
        RealStack.createTopics(1, env.get("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC"));
        gateway = Gateway.start(GatewayConfig.fromEnv(env));
        query = QueryApi.start(QueryConfig.fromEnv(env));
    }

    @AfterAll
    static void stopServices() {
        Services.closeAll(gateway, query, upstream, otherUpstream);
    }

    @Test
    void shouldAcceptACreatedKeyRefuseItSoonAfterRevocationAndStillAfterARestart() throws Exception {
        JsonNode created = createKey("alice", "member");
        String key = created.path("key").asText();
        assertThat(key).startsWith("aigw_" + created.path("id").asText() + "_");

        // A new key reaches the gateway through the keys topic, as a revocation does: wait for it, do not race it.
        HttpResponse<String> accepted = RealStack.await(Duration.ofSeconds(30), () -> ok(messages(gateway, key)));
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(upstream.received().getLast().header("x-api-key")).isEqualTo(PROVIDER_KEY);

        assertThat(admin("DELETE", "/api/v2/keys/" + created.path("id").asText(), null).statusCode()).isEqualTo(200);
        long revokedAt = System.nanoTime();
        HttpResponse<String> refused = RealStack.await(PROPAGATION, () -> nonOk(messages(gateway, key)));
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(PROPAGATION);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(errorMessage(refused)).contains("revoked");

        gateway.close();
        gateway = Gateway.start(GatewayConfig.fromEnv(env));
        HttpResponse<String> afterRestart = messages(gateway, key);
        assertThat(afterRestart.statusCode()).isEqualTo(401);
        assertThat(errorMessage(afterRestart)).contains("revoked");
    }

    @Test
    void shouldRouteTheNextRequestToAProviderChangedThroughTheApi() throws Exception {
        String key = createKey("bob", "member").path("key").asText();
        int before = otherUpstream.received().size();

        HttpResponse<String> put = admin("PUT", "/api/v2/providers/anthropic",
                "{\"base_url\": \"" + otherUpstream.url() + "\", \"keys\": [\"" + OTHER_PROVIDER_KEY + "\"]}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).doesNotContain(OTHER_PROVIDER_KEY).contains("sk-a...3210");

        RealStack.await(PROPAGATION,
                () -> ok(messages(gateway, key)) != null && otherUpstream.received().size() > before ? true : null);
        assertThat(otherUpstream.received().getLast().header("x-api-key")).isEqualTo(OTHER_PROVIDER_KEY);

        assertThat(admin("PUT", "/api/v2/providers/anthropic", "{\"enabled\": false}").statusCode()).isEqualTo(200);
        assertThat(RealStack.await(PROPAGATION, () -> nonOk(messages(gateway, key))).statusCode()).isEqualTo(404);
        assertThat(admin("PUT", "/api/v2/providers/anthropic",
                "{\"enabled\": true, \"base_url\": \"" + upstream.url() + "\", \"keys\": [\"" + PROVIDER_KEY + "\"]}")
                .statusCode()).isEqualTo(200);
        RealStack.await(PROPAGATION, () -> ok(messages(gateway, key)));
    }

    @Test
    void shouldKeepSecretsOutOfBothTopicsAndListings() throws Exception {
        String key = createKey("carol", "auditor").path("key").asText();
        // By the key's documented format, aigw_<key id>_<secret>: the base64url secret may itself hold '_'.
        String secret = GatewayKeys.parse(key).orElseThrow().secret();

        for (String topic : List.of(env.get("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC"),
                env.get("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC"))) {
            List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
            assertThat(records).isNotEmpty();
            assertThat(records).allSatisfy(r -> {
                String raw = r.value() == null ? "" : new String(r.value(), StandardCharsets.ISO_8859_1);
                assertThat(raw).doesNotContain(secret, PROVIDER_KEY, OTHER_PROVIDER_KEY, "provider-secret");
            });
        }
        for (String path : List.of("/api/v2/keys", "/api/v2/providers", "/api/v2/providers/anthropic")) {
            HttpResponse<String> listing = admin("GET", path, null);
            assertThat(listing.statusCode()).isEqualTo(200);
            assertThat(listing.body()).doesNotContain(secret, PROVIDER_KEY, OTHER_PROVIDER_KEY);
        }
    }

    @Test
    void shouldRecordAMembersRequestsUnderTheUsernameAnAdminGaveThem() throws Exception {
        String grace = createKey("grace", "Grace Hopper", "member").path("key").asText();

        HttpResponse<String> otherName = call("POST", "/api/v2/keys", "{\"username\": \"henry\"}", grace);
        assertThat(otherName.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(otherName.body()).path("detail").asText()).contains("as an admin set it");
        assertThat(call("POST", "/api/v2/keys", "{\"user_id\": \"henry\", \"username\": \"henry\"}", grace)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> own = call("POST", "/api/v2/keys", "{\"name\": \"second laptop\"}", grace);
        assertThat(own.statusCode()).isEqualTo(201);
        JsonNode second = JSON.readTree(own.body());
        assertThat(second.path("user_id").asText()).isEqualTo("grace");
        assertThat(second.path("username").asText()).isEqualTo("Grace Hopper");

        HttpResponse<String> taken = admin("POST", "/api/v2/keys", "{\"user_id\": \"henry\", \"username\": \"Grace Hopper\"}");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(taken.body()).path("detail").asText()).contains("belongs to user grace");
        assertThat(admin("POST", "/api/v2/keys", "{\"user_id\": \"grace\", \"username\": \"Amazing Grace\"}").statusCode())
                .isEqualTo(409);
        assertThat(admin("POST", "/api/v2/keys", "{\"user_id\": \"henry\", \"username\": \"grace\"}").statusCode())
                .isEqualTo(409);
        HttpResponse<String> again = admin("POST", "/api/v2/keys", "{\"user_id\": \"grace\"}");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(again.body()).path("username").asText()).isEqualTo("Grace Hopper");

        // The gateway records a request made with the key Grace created herself under the name an admin gave her.
        HttpResponse<String> answer = RealStack.await(PROPAGATION, () -> ok(messages(gateway, second.path("key").asText())));
        String interceptionId = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
        String topic = env.get("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC");
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        InterceptionStarted started = RealStack.await(Duration.ofSeconds(30), () -> readAll(topic).stream()
                .map(r -> serde.deserializer().deserialize(topic, r.value()))
                .filter(e -> e.getInterceptionId().equals(interceptionId) && e.getPayload() instanceof InterceptionStarted)
                .map(e -> (InterceptionStarted) e.getPayload()).findFirst().orElse(null));
        assertThat(started.getInitiatorId()).isEqualTo("grace");
        assertThat(started.getInitiatorUsername()).isEqualTo("Grace Hopper");
    }

    @Test
    void shouldAnswerMalformedKeyRequestsWith400NamingTheField() throws Exception {
        String far = Instant.now().plus(Duration.ofDays(365 * 300)).toString();
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("", "body");
        bodies.put("not json", "body");
        bodies.put("[\"user_id\"]", "body");
        bodies.put("{\"user_id\": \"ivan\", \"name\": \"" + "n".repeat(129) + "\"}", "name");
        bodies.put("{\"user_id\": \"ivan\", \"username\": \"" + "u".repeat(100_000) + "\"}", "username");
        bodies.put("{\"user_id\": \"ivan\", \"name\": \"tab\\there\"}", "name");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"" + far + "\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"+99999-01-01T00:00:00Z\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"2001-01-01T00:00:00Z\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expiry\": \"2027-01-01T00:00:00Z\"}", "expiry");
        for (var body : bodies.entrySet()) {
            HttpResponse<String> refused = admin("POST", "/api/v2/keys", body.getKey());

            assertThat(refused.statusCode()).as(body.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("message").asText()).as(body.getKey())
                    .isEqualTo("Invalid request: " + body.getValue() + ".");
        }
        // Sent as curl sends a large body, expecting 100-continue: the API refuses it on its Content-Length before a byte
        // of it is sent. Without that the client may still be writing when the 413 closes the connection, and then it
        // sees only the reset (this test failed so on a loaded machine).
        HttpRequest oversized = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + query.port() + "/api/v2/keys"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}"))
                .build();
        HttpResponse<String> huge = HTTP.send(oversized, HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).path("detail").asText()).contains("1048576");
    }

    @Test
    void shouldMakeTwoGatewayNodesAgree() throws Exception {
        try (Gateway second = Gateway.start(GatewayConfig.fromEnv(env))) {
            JsonNode created = createKey("dave", "member");
            String key = created.path("key").asText();
            RealStack.await(PROPAGATION, () -> ok(messages(gateway, key)));
            RealStack.await(PROPAGATION, () -> ok(messages(second, key)));

            admin("DELETE", "/api/v2/keys/" + created.path("id").asText(), null);
            assertThat(RealStack.await(PROPAGATION, () -> nonOk(messages(gateway, key))).statusCode()).isEqualTo(401);
            assertThat(RealStack.await(PROPAGATION, () -> nonOk(messages(second, key))).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void shouldAnswerBadInputWith401Or403Or400AndNever500() throws Exception {
        String valid = createKey("erin", "member").path("key").asText();
        String unknown = "aigw_" + "0".repeat(24) + "_" + "A".repeat(43);

        HttpResponse<String> unknownKey = messages(gateway, unknown);
        HttpResponse<String> malformed = messages(gateway, "aigw_not-a-key");
        assertThat(unknownKey.statusCode()).isEqualTo(401);
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(errorMessage(unknownKey)).isEqualTo(errorMessage(malformed));

        HttpResponse<String> soon = admin("POST", "/api/v2/keys", "{\"user_id\": \"frank\", \"username\": \"Frank\","
                + " \"expires_at\": \"" + Instant.now().plusSeconds(2) + "\"}");
        String expiring = JSON.readTree(soon.body()).path("key").asText();
        HttpResponse<String> expired = RealStack.await(Duration.ofSeconds(10), () -> nonOk(messages(gateway, expiring)));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(errorMessage(expired)).contains("expired");

        assertThat(call("GET", "/api/v2/providers", null, valid).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v2/keys", "{\"user_id\": \"someone-else\"}", valid).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v2/keys", "{\"role\": \"admin\"}", valid).statusCode()).isEqualTo(403);
        // A member lists interceptions, but only their own (AuditAccessIT covers what each role sees).
        assertThat(call("GET", "/api/v2/aibridge/interceptions", null, valid).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v2/keys", null, unknown).statusCode()).isEqualTo(401);
        HttpResponse<String> own = call("GET", "/api/v2/keys", null, valid);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(own.body()).path("results"))
                .allSatisfy(k -> assertThat(k.path("user_id").asText()).isEqualTo("erin"));

        HttpResponse<String> badUrl = admin("PUT", "/api/v2/providers/broken",
                "{\"type\": \"openai\", \"base_url\": \"ftp://x\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(badUrl.body()).contains("base_url");
        HttpResponse<String> badType = admin("PUT", "/api/v2/providers/broken",
                "{\"type\": \"gemini\", \"base_url\": \"https://x\"}");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("type");
        assertThat(admin("PUT", "/api/v2/providers/broken", "{\"type\": ").statusCode()).isEqualTo(400);
        assertThat(admin("POST", "/api/v2/keys", "{\"user_id\": \"x\", \"role\": \"boss\"}").body()).contains("role");
        assertThat(admin("GET", "/api/v2/providers/broken", null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseToStartUnderAnotherMasterKey() {
        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());

        assertThatThrownBy(() -> Gateway.start(GatewayConfig.fromEnv(wrong)).close())
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("provider anthropic")
                .hasMessageContaining("sealed under master key")
                .hasMessageNotContaining(PROVIDER_KEY);
    }

    @Test
    void shouldRotateTheMasterKeyWithoutLosingProviders() throws Exception {
        String oldKey = MasterKey.generate();
        String newKey = MasterKey.generate();
        Map<String, String> before = new HashMap<>(env);
        before.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", RealStack.unique("keys"));
        before.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", RealStack.unique("providers"));
        before.put("CODER_AI_GATEWAY_MASTER_KEY", oldKey);
        Gateway.start(GatewayConfig.fromEnv(before)).close();
        Map<String, String> rotating = new HashMap<>(before);
        rotating.put("CODER_AI_GATEWAY_MASTER_KEY", newKey);
        rotating.put("CODER_AI_GATEWAY_MASTER_KEY_PREVIOUS", oldKey);
        Map<String, String> after = new HashMap<>(before);
        after.put("CODER_AI_GATEWAY_MASTER_KEY", newKey);

        try (QueryApi rotator = QueryApi.start(QueryConfig.fromEnv(rotating))) {
            HttpResponse<String> resealed = callAt(rotator.port(), "POST", "/api/v2/providers/reseal", null, ADMIN);
            assertThat(resealed.statusCode()).isEqualTo(200);
            // The configured provider and the built-ins every gateway seeds.
            assertThat(JSON.readTree(resealed.body()).path("names").toString())
                    .isEqualTo("[\"anthropic\",\"chatgpt\",\"copilot\",\"copilot-business\",\"copilot-enterprise\"]");
        }
        try (Gateway rotated = Gateway.start(GatewayConfig.fromEnv(after))) {
            assertThat(messages(rotated, ADMIN).statusCode()).isEqualTo(200);
            assertThat(upstream.received().getLast().header("x-api-key")).isEqualTo(PROVIDER_KEY);
        }
        assertThatThrownBy(() -> Gateway.start(GatewayConfig.fromEnv(before)).close()).isInstanceOf(SealingException.class);
    }

    @Test
    void shouldLetTheTopicWinOverADifferingEnvironmentUnlessReseeding() throws Exception {
        Map<String, String> first = new HashMap<>(env);
        first.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", RealStack.unique("keys"));
        first.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", RealStack.unique("providers"));
        Gateway.start(GatewayConfig.fromEnv(first)).close();
        Map<String, String> drifted = new HashMap<>(first);
        drifted.put("CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", otherUpstream.url().toString());
        int before = upstream.received().size();

        try (Gateway node = Gateway.start(GatewayConfig.fromEnv(drifted))) {
            assertThat(node.providerConflicts()).containsExactly("anthropic");
            assertThat(messages(node, ADMIN).statusCode()).isEqualTo(200);
            assertThat(upstream.received()).hasSize(before + 1);
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + node.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).findValue("provider_env_conflicts").asInt()).isEqualTo(1);
        }
        int otherBefore = otherUpstream.received().size();
        try (Gateway node = Gateway.start(GatewayConfig.fromEnv(drifted, List.of(GatewayConfig.RESEED_FLAG)))) {
            assertThat(messages(node, ADMIN).statusCode()).isEqualTo(200);
            assertThat(otherUpstream.received()).hasSize(otherBefore + 1);
        }
    }

    private static JsonNode createKey(String user, String role) throws Exception {
        return createKey(user, user, role);
    }

    private static JsonNode createKey(String user, String username, String role) throws Exception {
        HttpResponse<String> created = admin("POST", "/api/v2/keys",
                "{\"user_id\": \"" + user + "\", \"username\": \"" + username + "\", \"role\": \"" + role
                        + "\", \"name\": \"laptop\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        return body;
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return call(method, path, body, ADMIN);
    }

    private static HttpResponse<String> call(String method, String path, String body, String credential) throws Exception {
        return callAt(query.port(), method, path, body, credential);
    }

    private static HttpResponse<String> callAt(int port, String method, String path, String body, String credential)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + credential)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> messages(Gateway node, String key) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port() + "/api/v2/aibridge/anthropic/v1/messages"))
                .header("Content-Type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(FIXTURE.required("request")))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        return response.statusCode() == 200 ? response : null;
    }

    private static HttpResponse<String> nonOk(HttpResponse<String> response) {
        return response.statusCode() == 200 ? null : response;
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body()).path("error").path("message").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
