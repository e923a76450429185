package dev.aigw.query;

import static dev.aigw.query.ApiClient.assertError;
import static dev.aigw.query.ApiClient.fields;
import static dev.aigw.query.ApiClient.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.control.GatewayKeys;
import dev.aigw.control.Hints;
import dev.aigw.control.MasterKey;
import dev.aigw.control.ProviderSettings;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.query.ApiClient.Answer;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.KeysService;
import dev.aigw.query.http.ProvidersService;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The administration routes ({@code /api/v2/keys}, {@code /api/v2/providers}) on the API's real listener and routing
 * ({@link QueryApi#routing}), over control topics held in memory: no Kafka. Alice and Bob are members whose first keys
 * an admin issued; the admin token is an admin. The clock stands still, so times in answers are exact.
 */
class AdminRoutesTest {
    private static final String ADMIN = "admin-token-" + UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String KEYS = "/api/v2/keys";
    private static final String PROVIDERS = "/api/v2/providers";
    private static final String ANTHROPIC_KEY = "sk-ant-" + UUID.randomUUID();
    private static final String OPENAI_KEY = "sk-proj-" + UUID.randomUUID();
    private static final String AWS_SECRET = "aws-secret-" + UUID.randomUUID();

    private final MemoryControl control = new MemoryControl();
    private final Map<String, String> credentials = new HashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private QueryConfig config;
    private WebServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        credentials.put("admin", ADMIN);
        credentials.put("alice", control.issue("alice", "Alice", KeyRole.MEMBER, NOW.minus(Duration.ofHours(2))));
        credentials.put("bob", control.issue("bob", "Bob", KeyRole.MEMBER, NOW.minus(Duration.ofHours(1))));
        config = QueryConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate(),
                "CODER_AI_GATEWAY_QUERY_PORT", "0", "CODER_AI_GATEWAY_QUERY_HOST", "127.0.0.1"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AdminAuth auth = new AdminAuth(Optional.of(ADMIN), control.keys()::get, clock);
        List<HttpService> admin = List.of(new KeysService(control, auth, clock, config.keyMaxLifetime()),
                new ProvidersService(control, auth));
        server = QueryApi.listener(WebServer.builder().host(config.host()), config)
                .routing(r -> QueryApi.routing(r, List.of(), admin))
                .build().start();
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void shouldIssueListAndRevokeKeysAsAnAdmin() {
        Answer created = call("POST", KEYS, "admin", "{\"user_id\": \"carol\", \"username\": \"Carol\", \"role\": \"auditor\","
                + " \"name\": \"ci\", \"expires_at\": \"" + NOW.plus(Duration.ofDays(30)) + "\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode carol = created.json();
        String key = carol.path("key").asText();
        assertThat(GatewayKeys.parse(key)).hasValueSatisfying(k -> assertThat(k.id()).isEqualTo(carol.path("id").asText()));
        assertThat(carol.path("user_id").asText()).isEqualTo("carol");
        assertThat(carol.path("username").asText()).isEqualTo("Carol");
        assertThat(carol.path("role").asText()).isEqualTo("auditor");
        assertThat(carol.path("name").asText()).isEqualTo("ci");
        assertThat(carol.path("hint").asText()).isEqualTo(GatewayKeys.hint(key));
        assertThat(carol.path("created_at").asText()).isEqualTo(NOW.toString());
        assertThat(carol.path("expires_at").asText()).isEqualTo(NOW.plus(Duration.ofDays(30)).toString());
        credentials.put("carol", key);

        JsonNode all = call("GET", KEYS, "admin", null).json();
        assertThat(all.path("count").asInt()).isEqualTo(3);
        assertThat(fields(all.path("results"), "user_id")).containsExactly("alice", "bob", "carol");
        assertThat(fields(all.path("results"), "status")).containsOnly("active");
        assertThat(fields(call("GET", KEYS + "?user_id=bob", "admin", null).json().path("results"), "user_id"))
                .containsExactly("bob");
        // The new key is a credential at once, and an auditor lists only their own keys.
        assertThat(fields(call("GET", KEYS, "carol", null).json().path("results"), "user_id")).containsExactly("carol");

        Answer revoked = call("DELETE", KEYS + "/" + carol.path("id").asText(), "admin", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("revoked");
        assertThat(revoked.json().path("revoked_at").asText()).isEqualTo(NOW.toString());
        Answer refused = call("GET", KEYS, "carol", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("revoked");
        assertThat(call("DELETE", KEYS + "/" + carol.path("id").asText(), "admin", null).json().path("status").asText())
                .isEqualTo("revoked");
        Answer unknown = call("DELETE", KEYS + "/" + "0".repeat(24), "admin", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertError(unknown, "Resource not found.");
        // Only the answer that creates a key holds it; listings show the hint.
        assertThat(answers.subList(1, answers.size())).allSatisfy(a -> assertThat(a.body()).doesNotContain(key));
        assertThat(answers.subList(1, answers.size())).allSatisfy(a -> assertThat(a.body())
                .doesNotContain(credentials.get("alice"), credentials.get("bob")));
    }

    @Test
    void shouldLetAMemberIssueListAndRevokeOnlyTheirOwnKeys() {
        Answer own = call("POST", KEYS, "alice", "{\"name\": \"second laptop\"}");

        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().path("user_id").asText()).isEqualTo("alice");
        assertThat(own.json().path("username").asText()).isEqualTo("Alice");
        assertThat(own.json().path("role").asText()).isEqualTo("member");
        assertThat(call("POST", KEYS, "alice", "{\"user_id\": \"alice\", \"username\": \"Alice\"}").status()).isEqualTo(201);
        JsonNode listed = call("GET", KEYS, "alice", null).json();
        assertThat(listed.path("count").asInt()).isEqualTo(3);
        assertThat(fields(listed.path("results"), "user_id")).containsOnly("alice");
        assertThat(call("GET", KEYS + "?user_id=alice", "alice", null).json().path("count").asInt()).isEqualTo(3);

        String bobsKey = GatewayKeys.parse(credentials.get("bob")).orElseThrow().id();
        Map<String, Answer> refused = new LinkedHashMap<>();
        refused.put("list another's", call("GET", KEYS + "?user_id=bob", "alice", null));
        refused.put("revoke another's", call("DELETE", KEYS + "/" + bobsKey, "alice", null));
        refused.put("issue for another", call("POST", KEYS, "alice", "{\"user_id\": \"bob\"}"));
        refused.put("issue a higher role", call("POST", KEYS, "alice", "{\"role\": \"auditor\"}"));
        refused.put("issue as admin", call("POST", KEYS, "alice", "{\"role\": \"admin\"}"));
        refused.put("another username", call("POST", KEYS, "alice", "{\"username\": \"Alicia\"}"));
        refused.forEach((what, answer) -> {
            assertThat(answer.status()).as(what).isEqualTo(403);
            assertError(answer, "Forbidden.");
        });
        assertThat(refused.get("another username").json().path("detail").asText()).contains("as an admin set it", "\"Alice\"");
        assertThat(call("GET", KEYS, "bob", null).status()).as("bob's key survives").isEqualTo(200);
        assertThat(control.keys().snapshot()).hasSize(4);

        Answer revoked = call("DELETE", KEYS + "/" + own.json().path("id").asText(), "alice", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asText()).isEqualTo("revoked");
    }

    @Test
    void shouldKeepProvidersToAdmins() {
        call("PUT", PROVIDERS + "/anthropic", "admin", anthropic(ANTHROPIC_KEY));

        for (String[] route : List.of(new String[] {"GET", PROVIDERS}, new String[] {"GET", PROVIDERS + "/anthropic"},
                new String[] {"PUT", PROVIDERS + "/anthropic"}, new String[] {"DELETE", PROVIDERS + "/anthropic"},
                new String[] {"POST", PROVIDERS + "/reseal"})) {
            Answer answer = call(route[0], route[1], "alice", route[0].equals("PUT") ? "{\"enabled\": false}" : null);

            assertThat(answer.status()).as(route[0] + " " + route[1]).isEqualTo(403);
            assertError(answer, "Forbidden.");
        }
        assertThat(control.providers().get("anthropic")).hasValueSatisfying(p -> assertThat(p.enabled()).isTrue());
    }

    @Test
    void shouldRefuseACallerWithoutAValidCredentialWith401OnEveryAdminRoute() {
        String wrong = "aigw_" + "0".repeat(24) + "_" + "A".repeat(43);
        for (String[] route : List.of(new String[] {"POST", KEYS}, new String[] {"GET", KEYS},
                new String[] {"DELETE", KEYS + "/" + "0".repeat(24)}, new String[] {"GET", PROVIDERS},
                new String[] {"GET", PROVIDERS + "/anthropic"}, new String[] {"PUT", PROVIDERS + "/anthropic"},
                new String[] {"DELETE", PROVIDERS + "/anthropic"}, new String[] {"POST", PROVIDERS + "/reseal"})) {
            String what = route[0] + " " + route[1];
            String body = route[0].equals("PUT") || route[0].equals("POST") ? "{}" : null;
            Answer none = api.send(route[0], route[1], null, body);
            Answer refused = api.send(route[0], route[1], wrong, body);
            // The right token under another scheme of the same length as "Bearer ".
            Answer otherScheme = ApiClient.send(HttpRequest.newBuilder(api.uri(route[1]))
                    .header("Authorization", "Digest " + ADMIN)
                    .method(route[0], HttpRequest.BodyPublishers.noBody()));

            for (Answer answer : List.of(none, refused, otherScheme)) {
                assertThat(answer.status()).as(what).isEqualTo(401);
                assertError(answer, "Unauthorized.");
                assertThat(answer.body()).as(what).doesNotContain(wrong, ADMIN);
            }
        }
        assertThat(control.keys().snapshot()).hasSize(2);
        assertThat(control.providers().snapshot()).isEmpty();
    }

    @Test
    void shouldRefuseMalformedKeyRequestsWith400NamingTheFieldAndIssueNothing() {
        Duration max = config.keyMaxLifetime();
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("", "body");
        bodies.put("not json", "body");
        bodies.put("[\"user_id\"]", "body");
        bodies.put("{\"user_id\": \"ivan\"}{\"user_id\": \"judy\"}", "body");
        bodies.put("{\"user_id\": \"ivan\"} x", "body");
        bodies.put("{\"user_id\": \"\"}", "user_id");
        bodies.put("{\"user_id\": 7}", "user_id");
        bodies.put("{\"user_id\": \" ivan\"}", "user_id");
        bodies.put("{\"user_id\": \"ivan\", \"username\": \"" + "u".repeat(129) + "\"}", "username");
        bodies.put("{\"user_id\": \"ivan\", \"role\": \"boss\"}", "role");
        bodies.put("{\"user_id\": \"ivan\", \"name\": \"tab\\there\"}", "name");
        bodies.put("{\"user_id\": \"ivan\", \"name\": \"evil\\u202egnp.exe\"}", "name");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"" + NOW.plus(max).plusSeconds(1) + "\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"" + NOW.minusSeconds(1) + "\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"" + NOW + "\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expires_at\": \"next week\"}", "expires_at");
        bodies.put("{\"user_id\": \"ivan\", \"expiry\": \"" + NOW.plus(Duration.ofDays(1)) + "\"}", "expiry");
        for (var body : bodies.entrySet()) {
            Answer refused = call("POST", KEYS, "admin", body.getKey());

            assertThat(refused.status()).as(body.getKey()).isEqualTo(400);
            assertError(refused, "Invalid request: " + body.getValue() + ".");
        }
        assertThat(control.keys().snapshot()).hasSize(2);
        Answer longest = call("POST", KEYS, "admin", "{\"user_id\": \"ivan\", \"expires_at\": \"" + NOW.plus(max) + "\"}");
        assertThat(longest.status()).isEqualTo(201);
        assertThat(longest.json().path("expires_at").asText()).isEqualTo(NOW.plus(max).toString());
    }

    @Test
    void shouldGiveEachPersonOneUsernameThatNamesNoOneElse() {
        Map<String, String> conflicts = new LinkedHashMap<>();
        conflicts.put("{\"user_id\": \"henry\", \"username\": \"Alice\"}", "belongs to user alice");
        conflicts.put("{\"user_id\": \"henry\", \"username\": \"bob\"}", "user id of another person");
        conflicts.put("{\"user_id\": \"Bob\", \"username\": \"Robert\"}", "is the username of user bob");
        conflicts.put("{\"user_id\": \"alice\", \"username\": \"Alicia\"}", "already has keys under the username \"Alice\"");
        for (var body : conflicts.entrySet()) {
            Answer refused = call("POST", KEYS, "admin", body.getKey());

            assertThat(refused.status()).as(body.getKey()).isEqualTo(409);
            assertError(refused, "Conflict.");
            assertThat(refused.json().path("detail").asText()).as(body.getKey()).contains(body.getValue());
        }
        assertThat(control.keys().snapshot()).hasSize(2);

        Answer again = call("POST", KEYS, "admin", "{\"user_id\": \"alice\"}");
        Answer henry = call("POST", KEYS, "admin", "{\"user_id\": \"henry\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("username").asText()).isEqualTo("Alice");
        assertThat(henry.status()).isEqualTo(201);
        assertThat(henry.json().path("username").asText()).isEqualTo("henry");

        // A revoked key keeps its owner's name taken.
        String bobsKey = GatewayKeys.parse(credentials.get("bob")).orElseThrow().id();
        assertThat(call("DELETE", KEYS + "/" + bobsKey, "admin", null).status()).isEqualTo(200);
        Answer taken = call("POST", KEYS, "admin", "{\"user_id\": \"robert\", \"username\": \"Bob\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().path("detail").asText()).contains("belongs to user bob");
    }

    @Test
    void shouldCreateChangeListShowAndDeleteProvidersShowingSecretsOnlyAsHints() {
        Answer created = call("PUT", PROVIDERS + "/anthropic", "admin", anthropic(ANTHROPIC_KEY));
        Answer bedrock = call("PUT", PROVIDERS + "/bedrock", "admin", "{\"type\": \"bedrock\", \"base_url\":"
                + " \"https://bedrock-runtime.us-east-1.amazonaws.com\", \"bedrock\": {\"region\": \"us-east-1\","
                + " \"access_key\": \"AKIAEXAMPLE0123456789\", \"access_key_secret\": \"" + AWS_SECRET + "\","
                + " \"model\": \"anthropic.claude-sonnet\", \"small_fast_model\": \"anthropic.claude-haiku\"}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("type").asText()).isEqualTo("anthropic");
        assertThat(created.json().path("base_url").asText()).isEqualTo("https://api.anthropic.com/");
        assertThat(strings(created.json().path("keys"))).containsExactly(Hints.mask(ANTHROPIC_KEY));
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(bedrock.status()).isEqualTo(201);
        assertThat(bedrock.json().path("bedrock").path("access_key_secret").asText()).isEqualTo(Hints.mask(AWS_SECRET));
        assertThat(bedrock.json().path("bedrock").path("access_key").asText()).isEqualTo(Hints.mask("AKIAEXAMPLE0123456789"));

        Answer disabled = call("PUT", PROVIDERS + "/anthropic", "admin", "{\"enabled\": false}");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(strings(disabled.json().path("keys"))).containsExactly(Hints.mask(ANTHROPIC_KEY));
        // A PUT without keys keeps the secret itself, not the hint a read showed.
        assertThat(control.providers().get("anthropic").map(ProviderSettings::keys)).hasValue(List.of(ANTHROPIC_KEY));
        Answer openai = call("PUT", PROVIDERS + "/anthropic", "admin", "{\"type\": \"openai\", \"base_url\":"
                + " \"https://api.openai.com/\", \"keys\": [\"" + OPENAI_KEY + "\"], \"enabled\": true}");
        assertThat(openai.status()).isEqualTo(200);
        assertThat(strings(openai.json().path("keys"))).containsExactly(Hints.mask(OPENAI_KEY));

        JsonNode listed = call("GET", PROVIDERS, "admin", null).json();
        assertThat(listed.path("count").asInt()).isEqualTo(2);
        assertThat(fields(listed.path("results"), "name")).containsExactly("anthropic", "bedrock");
        assertThat(fields(listed.path("results"), "type")).containsExactly("openai", "bedrock");
        assertThat(call("GET", PROVIDERS + "/bedrock", "admin", null).json().path("bedrock").path("model").asText())
                .isEqualTo("anthropic.claude-sonnet");
        JsonNode resealed = call("POST", PROVIDERS + "/reseal", "admin", null).json();
        assertThat(strings(resealed.path("names"))).containsExactly("anthropic", "bedrock");

        assertThat(call("DELETE", PROVIDERS + "/anthropic", "admin", null).status()).isEqualTo(204);
        assertThat(control.providers().snapshot()).containsOnlyKeys("bedrock");
        for (Answer gone : List.of(call("GET", PROVIDERS + "/anthropic", "admin", null),
                call("DELETE", PROVIDERS + "/anthropic", "admin", null), call("GET", PROVIDERS + "/nothing", "admin", null))) {
            assertThat(gone.status()).isEqualTo(404);
            assertError(gone, "Resource not found.");
        }
        assertThat(answers).allSatisfy(a -> assertThat(a.body()).doesNotContain(ANTHROPIC_KEY, OPENAI_KEY, AWS_SECRET));
    }

    @Test
    void shouldRefuseAnInvalidProviderWith400NamingTheFieldAndPublishNothing() {
        call("PUT", PROVIDERS + "/anthropic", "admin", anthropic(ANTHROPIC_KEY));
        for (Put put : List.of(
                new Put("openai", "{\"base_url\": \"https://api.openai.com/\"}", "Invalid request: type."),
                new Put("openai", "{\"type\": \"openai\"}", "Invalid request: base_url."),
                new Put("openai", "{\"type\": \"openai\", \"base_url\": \"https://x/\", \"keys\": \"one\"}",
                        "Invalid request: keys."),
                new Put("openai", "{\"type\": \"openai\", \"base_url\": \"https://x/\", \"enabled\": \"yes\"}",
                        "Invalid request: enabled."),
                new Put("openai", "{\"type\": ", "Invalid request: body."),
                new Put("anthropic", "{\"name\": \"other\"}", "Invalid request: name."),
                new Put("openai", "{\"type\": \"gemini\", \"base_url\": \"https://x/\"}", "Invalid provider: type."),
                new Put("openai", "{\"type\": \"openai\", \"base_url\": \"ftp://x\"}", "Invalid provider: base_url."),
                new Put("Open_AI", "{\"type\": \"openai\", \"base_url\": \"https://x/\"}", "Invalid provider: name."),
                new Put("anthropic", "{\"keys\": [\"a\", \"a\"]}", "Invalid provider: keys."),
                new Put("copilot", "{\"type\": \"copilot\", \"base_url\": \"https://x/\", \"keys\": [\"k\"]}",
                        "Invalid provider: keys."))) {
            Answer refused = call("PUT", PROVIDERS + "/" + put.name(), "admin", put.body());

            assertThat(refused.status()).as(put.toString()).isEqualTo(400);
            assertError(refused, put.message());
        }
        assertThat(control.providers().snapshot()).containsOnlyKeys("anthropic");
        assertThat(control.providers().get("anthropic").map(ProviderSettings::keys)).hasValue(List.of(ANTHROPIC_KEY));
        assertThat(answers).allSatisfy(a -> assertThat(a.body()).doesNotContain(ANTHROPIC_KEY));
    }

    /** A provider body sent to one name, and the message of the 400 it must get. */
    private record Put(String name, String body, String message) {
    }

    private static String anthropic(String key) {
        return "{\"type\": \"anthropic\", \"base_url\": \"https://api.anthropic.com/\", \"keys\": [\"" + key + "\"]}";
    }

    /** Sends as {@code person}, keeping every answer so a test can check none of them shows a secret. */
    private Answer call(String method, String path, String person, String body) {
        Answer answer = api.send(method, path, credentials.get(person), body);
        answers.add(answer);
        return answer;
    }
}
