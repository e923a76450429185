package dev.aigw.query;

import static dev.aigw.query.ApiClient.assertError;
import static dev.aigw.query.ApiClient.fields;
import static dev.aigw.query.ApiClient.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.query.ApiClient.Answer;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.AuditViews;
import dev.aigw.query.store.Details;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.Tokens;
import dev.aigw.control.MasterKey;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every audit view, role and refusal of the query API, on its real listener and routing ({@link QueryApi#routing}),
 * with the store's reads answered from memory: no Kafka, no Cassandra. Alice and Bob are members, Carol an auditor;
 * the admin token is an admin.
 */
class AuditRoutesTest {
    private static final String ADMIN = "admin-token-" + UUID.randomUUID();
    private static final String API = "/api/v2/aibridge";
    private static final Instant T0 = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
    // Alice asks, the model calls a tool, and her client sends the tool's result back: one session, one thread.
    private static final InterceptionRow A1 = row("alice", "sess-a", null, "anthropic", "claude-sonnet-4-0", "Claude Code",
            T0, "fix the build");
    private static final InterceptionRow A2 = row("alice", "sess-a", "toolu_a1", "anthropic", "claude-sonnet-4-0",
            "Claude Code", T0.plusSeconds(60), null);
    private static final InterceptionRow B1 = row("bob", null, null, "openai", "gpt-4o", "Codex", T0.plusSeconds(120),
            "why is it red");

    private final MemoryControl control = new MemoryControl();
    private final Map<String, String> credentials = new HashMap<>();
    private final MemoryAuditStore store = new MemoryAuditStore();
    private WebServer server;
    private ApiClient api;

    @BeforeEach
    void start() {
        store.add(A1, details(A1, "toolu_a1", "look at the logs")).add(A2, details(A2, null, null))
                .add(B1, details(B1, "call_b1", null));
        issue("alice", KeyRole.MEMBER);
        issue("bob", KeyRole.MEMBER);
        issue("carol", KeyRole.AUDITOR);
        credentials.put("admin", ADMIN);
        QueryConfig config = QueryConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate(),
                "CODER_AI_GATEWAY_QUERY_PORT", "0", "CODER_AI_GATEWAY_QUERY_HOST", "127.0.0.1"));
        AdminAuth auth = new AdminAuth(Optional.of(ADMIN), control.keys()::get, Clock.systemUTC());
        List<HttpService> audit = AuditViews.create(config, auth, () -> control.keys().snapshot().values(), store.store());
        server = QueryApi.listener(WebServer.builder().host(config.host()), config)
                .routing(r -> QueryApi.routing(r, audit, List.of()))
                .build().start();
        api = new ApiClient(server.port());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void shouldListEveryInterceptionNewestFirstWithItsTokensPromptsAndToolCallsForAnAuditor() {
        JsonNode page = get(API + "/interceptions", "carol").json();

        assertThat(page.path("count").asLong()).isEqualTo(3);
        assertThat(ids(page.path("results"))).containsExactly(B1.id().toString(), A2.id().toString(), A1.id().toString());
        JsonNode a1 = page.path("results").get(2);
        assertThat(a1.path("initiator").path("id").asText()).isEqualTo("alice");
        assertThat(a1.path("initiator").path("username").asText()).isEqualTo("alice-name");
        assertThat(a1.path("provider").asText()).isEqualTo("anthropic");
        assertThat(a1.path("route").asText()).isEqualTo("/v1/messages");
        assertThat(a1.path("user_agent").asText()).isEqualTo("claude-cli/2.0.67");
        assertThat(a1.path("gateway_node").asText()).isEqualTo("gw-1");
        assertThat(a1.path("upstream_status").asInt()).isEqualTo(200);
        assertThat(a1.path("duration_ms").asLong()).isEqualTo(2_000);
        assertThat(a1.path("token_usages").get(0).path("input_tokens").asLong()).isEqualTo(100);
        assertThat(a1.path("user_prompts").get(0).path("prompt").asText()).isEqualTo("fix the build");
        assertThat(a1.path("tool_usages").get(0).path("tool_call_id").asText()).isEqualTo("toolu_a1");
        assertThat(a1.path("tool_usages").get(0).path("item_id").asText()).isEqualTo("item-toolu_a1");
        assertThat(a1.has("model_thoughts")).isFalse();
        assertThat(page.path("next_after_id").isNull()).isTrue();
    }

    @Test
    void shouldServeTheSameViewsUnderTheNewPrefix() {
        Answer answer = get("/api/v2/ai-gateway/interceptions", "admin");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("count").asLong()).isEqualTo(3);
    }

    @Test
    void shouldNarrowAMembersSearchToTheirOwnInterceptionsWhateverItAsks() {
        JsonNode own = get(API + "/interceptions", "alice").json();
        JsonNode asked = get(API + "/interceptions?q=" + encode("initiator:bob"), "alice").json();

        assertThat(ids(own.path("results"))).containsExactly(A2.id().toString(), A1.id().toString());
        assertThat(asked.path("count").asLong()).isEqualTo(2);
        assertThat(ids(asked.path("results"))).doesNotContain(B1.id().toString());
    }

    @Test
    void shouldSearchByTermsAndTimeForAnAuditor() {
        JsonNode codex = get(API + "/interceptions?q=" + encode("client:Codex"), "carol").json();
        JsonNode bob = get(API + "/interceptions?q=" + encode("initiator:bob-name"), "carol").json();
        JsonNode later = get(API + "/interceptions?q=" + encode("started_after:" + T0.plusSeconds(30)), "carol").json();

        assertThat(ids(codex.path("results"))).containsExactly(B1.id().toString());
        assertThat(ids(bob.path("results"))).containsExactly(B1.id().toString());
        assertThat(ids(later.path("results"))).containsExactly(B1.id().toString(), A2.id().toString());
    }

    @Test
    void shouldShowOneInterceptionWithItsThoughtsToItsOwnerAndAnAuditorAndHideItFromAnotherMember() {
        String path = API + "/interceptions/" + A1.id();
        JsonNode mine = get(path, "alice").json();
        Answer others = get(path, "bob");

        assertThat(mine.path("model_thoughts").get(0).path("content").asText()).isEqualTo("look at the logs");
        assertThat(mine.path("model_thoughts").get(0).path("metadata").path("source").asText()).isEqualTo("thinking");
        assertThat(mine.path("last_event_at").asText()).isEqualTo(A1.lastEventAt().toString());
        assertThat(get(path, "carol").json().path("id").asText()).isEqualTo(A1.id().toString());
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.json().path("message").asText()).isEqualTo("Resource not found.");
    }

    @Test
    void shouldAnswerAnUnknownIdWith404AndAMalformedOneWith400() {
        Answer unknown = get(API + "/interceptions/" + UUID.randomUUID(), "admin");
        Answer malformed = get(API + "/interceptions/not-a-uuid", "admin");

        assertThat(unknown.status()).isEqualTo(404);
        assertError(unknown, "Resource not found.");
        assertThat(malformed.status()).isEqualTo(400);
        assertError(malformed, "Invalid interception id.");
    }

    @Test
    void shouldPageWithACursorThatOnlyTheSameSearchAndCallerMayResume() {
        JsonNode first = get(API + "/interceptions?limit=2", "carol").json();
        String cursor = first.path("next_after_id").asText();
        JsonNode second = get(API + "/interceptions?limit=2&after_id=" + encode(cursor), "carol").json();

        assertThat(ids(first.path("results"))).containsExactly(B1.id().toString(), A2.id().toString());
        assertThat(ids(second.path("results"))).containsExactly(A1.id().toString());
        assertThat(second.path("next_after_id").isNull()).isTrue();
        for (Answer refused : List.of(get(API + "/interceptions?after_id=" + encode(cursor), "admin"),
                get(API + "/interceptions?q=client:Codex&after_id=" + encode(cursor), "carol"),
                get(API + "/interceptions?after_id=garbage", "carol"),
                get(API + "/interceptions?after_id=" + encode(cursor) + "&offset=1", "carol"),
                get(API + "/interceptions?limit=0", "carol"),
                get(API + "/interceptions?limit=1001", "carol"))) {
            assertThat(refused.status()).isEqualTo(400);
            assertError(refused, "Invalid pagination parameters.");
        }
    }

    @Test
    void shouldRefuseASearchItCannotRunWith400() {
        for (String q : List.of("color:blue", "started_after:yesterday", "provider:")) {
            Answer refused = get(API + "/interceptions?q=" + encode(q), "carol");

            assertThat(refused.status()).as(q).isEqualTo(400);
            assertError(refused, "Invalid search query.");
        }
    }

    @Test
    void shouldRefuseACallerWithoutAValidKeyWith401OnEveryView() {
        for (String view : List.of("/interceptions", "/interceptions/" + A1.id(), "/interceptions/export", "/sessions",
                "/sessions/sess-a", "/usage", "/models", "/clients", "/providers")) {
            Answer none = ApiClient.send(HttpRequest.newBuilder(api.uri(API + view)));
            Answer wrong = api.get(API + view, "aigw_x_y");

            assertThat(none.status()).as(view).isEqualTo(401);
            assertError(none, "Unauthorized.");
            assertThat(wrong.status()).as(view).isEqualTo(401);
            assertThat(wrong.body()).as(view).doesNotContain("aigw_x_y");
        }
    }

    @Test
    void shouldListSessionsNewestFirstAndAMembersOwnOnly() {
        JsonNode all = get(API + "/sessions", "carol").json();
        JsonNode alices = get(API + "/sessions?q=" + encode("initiator:bob"), "alice").json();

        assertThat(all.path("count").asLong()).isEqualTo(2);
        assertThat(ids(all.path("sessions"))).containsExactly(B1.id().toString(), "sess-a");
        JsonNode sessA = all.path("sessions").get(1);
        assertThat(sessA.path("threads").asInt()).isEqualTo(2);
        assertThat(sessA.path("initiator").path("id").asText()).isEqualTo("alice");
        assertThat(sessA.path("models").get(0).asText()).isEqualTo("claude-sonnet-4-0");
        assertThat(sessA.path("token_usage_summary").path("input_tokens").asLong()).isEqualTo(200);
        assertThat(ids(alices.path("sessions"))).containsExactly("sess-a");
    }

    @Test
    void shouldLinkASessionsInterceptionsIntoThreadsAndHideItFromAnotherMember() {
        JsonNode session = get(API + "/sessions/sess-a", "alice").json();
        Answer others = get(API + "/sessions/sess-a", "bob");

        assertThat(session.path("thread_count").asInt()).isEqualTo(1);
        JsonNode thread = session.path("threads").get(0);
        assertThat(thread.path("prompt").asText()).isEqualTo("fix the build");
        assertThat(thread.path("agentic_actions")).hasSize(2);
        assertThat(others.status()).isEqualTo(404);
        assertError(get(API + "/sessions/no-such-session", "admin"), "Resource not found.");
        Answer mixed = get(API + "/sessions/sess-a?after_id=x&before_id=y", "alice");
        assertThat(mixed.status()).isEqualTo(400);
        assertError(mixed, "Invalid pagination parameters.");
    }

    @Test
    void shouldSumUsageByGroupForEveryoneOrForAMemberOnly() {
        JsonNode byUser = get(API + "/usage?group_by=user", "carol").json();
        JsonNode bobs = get(API + "/usage?group_by=model", "bob").json();
        Answer unknown = get(API + "/usage?group_by=color", "carol");

        assertThat(byUser.path("total").path("interceptions").asLong()).isEqualTo(3);
        assertThat(byUser.path("results")).extracting(g -> g.path("key").asText() + "=" + g.path("interceptions").asLong())
                .containsExactly("alice=2", "bob=1");
        assertThat(byUser.path("results").get(0).path("username").asText()).isEqualTo("alice-name");
        assertThat(bobs.path("results")).extracting(g -> g.path("key").asText()).containsExactly("gpt-4o");
        assertThat(bobs.path("total").path("output_tokens").asLong()).isEqualTo(10);
        assertThat(unknown.status()).isEqualTo(400);
        assertError(unknown, "Invalid query parameter.");
    }

    @Test
    void shouldListFilterValuesSeenByEveryoneOrByTheMember() {
        assertThat(strings(get(API + "/models", "carol").json())).containsExactly("claude-sonnet-4-0", "gpt-4o");
        assertThat(strings(get(API + "/models", "bob").json())).containsExactly("gpt-4o");
        assertThat(strings(get(API + "/clients", "alice").json())).containsExactly("Claude Code");
        assertThat(strings(get(API + "/providers", "admin").json())).containsExactly("anthropic", "openai");
    }

    @Test
    void shouldExportAMembersOwnInterceptionsAsCsvAndRefuseAnUnknownFormat() {
        Answer csv = get(API + "/interceptions/export?format=csv", "alice");
        Answer jsonl = get(API + "/interceptions/export", "carol");
        Answer xml = get(API + "/interceptions/export?format=xml", "carol");

        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,initiator_id,initiator_username,");
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly(A2.id().toString(), A1.id().toString());
        assertThat(jsonl.body().lines()).hasSize(3);
        assertThat(xml.status()).isEqualTo(400);
        assertError(xml, "Invalid query parameter.");
    }

    @Test
    void shouldAnswer503WithRetryAfterOnEveryViewWhenTheStoreHasNoQuorum() {
        store.down();

        for (String view : List.of("/interceptions", "/interceptions/" + A1.id(), "/interceptions/export", "/sessions",
                "/sessions/sess-a", "/usage", "/models")) {
            Answer answer = get(API + view, "carol");

            assertThat(answer.status()).as(view).isEqualTo(503);
            assertThat(answer.retryAfter()).as(view).hasValue("5");
            assertError(answer, "Audit store unavailable.");
        }
    }

    private void issue(String person, KeyRole role) {
        credentials.put(person, control.issue(person, person + "-name", role, T0));
    }

    private static InterceptionRow row(String person, String clientSession, String correlating, String provider,
                                       String model, String client, Instant at, String prompt) {
        UUID id = UUID.randomUUID();
        return new InterceptionRow(id, person, person + "-name", "key-" + person, provider, provider, model,
                "/v1/messages", true, client, "claude-cli/2.0.67", clientSession,
                clientSession == null ? id.toString() : clientSession, correlating, "centralized", "sk-a...6789", at,
                at.plusSeconds(2), at.plusSeconds(2), 2_000L, "completed", 200, null, null, "gw-1",
                new Tokens(100, 10, 0, 0, 0), 1, prompt, Map.of("request_user_agent", "claude-cli/2.0.67"), List.of());
    }

    private static Details details(InterceptionRow r, String toolCallId, String thought) {
        List<Details.ToolCall> calls = toolCallId == null ? List.of() : List.of(new Details.ToolCall(UUID.randomUUID(),
                r.id(), "msg_1", toolCallId, "item-" + toolCallId, "Read", "{}", null, false, null, r.startedAt(),
                List.of()));
        List<Details.Prompt> prompts = r.prompt() == null ? List.of() : List.of(new Details.Prompt(UUID.randomUUID(),
                r.id(), "msg_1", r.prompt(), r.startedAt(), List.of()));
        List<Details.Thought> thoughts = thought == null ? List.of() : List.of(new Details.Thought(UUID.randomUUID(),
                r.id(), "msg_1", thought, "thinking", r.startedAt(), List.of()));
        return new Details(List.of(new Details.TokenUsage(UUID.randomUUID(), r.id(), "msg_1", r.model(), r.tokens(),
                Map.of(), r.startedAt())), prompts, calls, thoughts);
    }

    private Answer get(String path, String person) {
        return api.get(path, credentials.get(person));
    }

    private static List<String> ids(JsonNode items) {
        return fields(items, "id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
