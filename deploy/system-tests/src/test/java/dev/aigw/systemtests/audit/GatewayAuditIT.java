package dev.aigw.systemtests.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.gateway.Gateway;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.query.QueryApi;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.recorder.Recorder;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member's request through a real gateway, recorder and query API: the member finds it under {@code initiator:me}
 * and in their session, an auditor finds it by the member's username, and another member cannot see it at all.
 */
@ExtendWith(RealStack.class)
class GatewayAuditIT {
    private static final String ADMIN = "admin-token-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static FakeUpstream upstream;
    private static Recorder recorder;
    private static QueryApi query;
    private static Gateway gateway;
    private static Api api;
    private static Map<String, String> keys;

    @BeforeAll
    static void startServices() throws IOException {
        String events = RealStack.unique("events");
        String keyTopic = RealStack.unique("keys");
        String providerTopic = RealStack.unique("providers");
        RealStack.createTopics(3, events);
        RealStack.createTopics(1, keyTopic, providerTopic);
        upstream = FakeUpstream.replaying(Txtar.fixture("anthropic/simple.txtar"));
        Map<String, String> env = new HashMap<>(Map.of(
                "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap(),
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString(),
                "CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", events,
                "CODER_AI_GATEWAY_ADMIN_TOKEN", ADMIN,
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", RealStack.cassandraContactPoint(),
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", RealStack.unique("audit"),
                "CODER_AI_GATEWAY_PORT", "0",
                "CODER_AI_GATEWAY_QUERY_PORT", "0",
                "CODER_AI_GATEWAY_RECORDER_PORT", "0",
                "CODER_AI_GATEWAY_RECORDER_APPLICATION_ID", RealStack.unique("recorder")));
        env.put("CODER_AI_GATEWAY_RECORDER_ROWS_TOPIC", RealStack.unique("rows"));
        env.put("CODER_AI_GATEWAY_INTERCEPTIONS_DLQ_TOPIC", RealStack.unique("dlq"));
        env.put("CODER_AI_GATEWAY_DATA_DIR", Files.createTempDirectory("recorder").toString());
        env.put("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate());
        env.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", keyTopic);
        env.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", providerTopic);
        env.put("CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic");
        env.put("CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", upstream.url().toString());
        env.put("CODER_AI_GATEWAY_PROVIDER_0_KEY", "sk-ant-provider-secret-0123456789");
        recorder = Recorder.start(RecorderConfig.fromEnv(env));
        query = QueryApi.start(QueryConfig.fromEnv(env));
        gateway = Gateway.start(GatewayConfig.fromEnv(env));
        api = new Api(query.port());
        keys = Map.of("alice", issue("u-alice", "alice", "member"), "bob", issue("u-bob", "bob", "member"),
                "carol", issue("u-carol", "carol", "auditor"));
    }

    @AfterAll
    static void stopServices() {
        for (AutoCloseable service : new AutoCloseable[] {gateway, query, recorder, upstream}) {
            try {
                if (service != null) {
                    service.close();
                }
            } catch (Exception e) {
                System.err.println("close failed: " + e);
            }
        }
    }

    @Test
    void shouldShowAMembersRequestToThemAndAuditorsButNotToOtherMembers() {
        String session = "gw-session-" + UUID.randomUUID();
        HttpResponse<String> answer = RealStack.await(Duration.ofSeconds(30), () -> {
            HttpResponse<String> sent = post(keys.get("alice"), session);
            return sent.statusCode() == 200 ? sent : null;
        });
        String id = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();

        JsonNode mine = RealStack.await(Duration.ofSeconds(60), () -> {
            JsonNode page = api.get("/api/v2/aibridge/interceptions?q=initiator:me", keys.get("alice")).json();
            JsonNode first = page.path("results").path(0);
            return first.path("id").asText().equals(id) && !first.path("ended_at").isNull()
                    && !first.path("token_usages").isEmpty() ? first : null;
        });
        assertThat(mine.path("initiator").path("id").asText()).isEqualTo("u-alice");
        assertThat(mine.path("initiator").path("username").asText()).isEqualTo("alice");
        assertThat(mine.path("client").asText()).isEqualTo("Claude Code");
        assertThat(mine.path("session_id").asText()).isEqualTo(session);
        assertThat(mine.path("user_prompts").path(0).path("prompt").asText()).contains("angels");

        JsonNode thread = RealStack.await(Duration.ofSeconds(30), () -> {
            Api.Answer s = api.get("/api/v2/ai-gateway/sessions/" + session, keys.get("alice"));
            return s.status() == 200 ? s.json() : null;
        }).path("threads").path(0);
        assertThat(thread.path("id").asText()).isEqualTo(id);
        assertThat(thread.path("prompt").asText()).contains("angels");
        assertThat(thread.path("credential_kind").asText()).isEqualTo("centralized");

        assertThat(api.get("/api/v2/aibridge/interceptions?q=alice", keys.get("carol")).json().path("results")
                .findValuesAsText("id")).contains(id);
        assertThat(api.get("/api/v2/aibridge/interceptions?q=alice", keys.get("bob")).json().path("count").asLong())
                .isZero();
        assertThat(api.get("/api/v2/aibridge/interceptions/" + id, keys.get("bob")).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/aibridge/sessions/" + session, keys.get("bob")).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/aibridge/interceptions/export?format=csv", keys.get("alice")).text())
                .contains(id + ",u-alice,alice,");
    }

    private static String issue(String userId, String username, String role) {
        Api.Answer created = api.post("/api/v2/keys", ADMIN,
                "{\"user_id\":\"" + userId + "\",\"username\":\"" + username + "\",\"role\":\"" + role + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("key").asText();
    }

    private static HttpResponse<String> post(String key, String session) {
        try {
            return HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gateway.port() + "/api/v2/aibridge/anthropic/v1/messages"))
                    .header("Content-Type", "application/json")
                    .header("anthropic-version", "2023-06-01")
                    .header("User-Agent", "claude-cli/2.0.67 (external, cli)")
                    .header("X-Claude-Code-Session-Id", session)
                    .header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(Txtar.fixture("anthropic/simple.txtar").required("request")))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
