package dev.aigw.systemtests.audit;

import static dev.aigw.systemtests.audit.AuditWorld.A1;
import static dev.aigw.systemtests.audit.AuditWorld.A2;
import static dev.aigw.systemtests.audit.AuditWorld.A3;
import static dev.aigw.systemtests.audit.AuditWorld.A4;
import static dev.aigw.systemtests.audit.AuditWorld.B1;
import static dev.aigw.systemtests.audit.AuditWorld.B2;
import static dev.aigw.systemtests.audit.AuditWorld.C1;
import static dev.aigw.systemtests.audit.AuditWorld.D1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.RealStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /sessions} and {@code /sessions/{id}}: filters, paging, and threads linked by tool calls, as an auditor. */
@ExtendWith({RealStack.class, AuditWorld.class})
class SessionsViewIT {
    private static final String SESSIONS = "/api/v2/aibridge/sessions";
    private static final List<String> NEWEST_FIRST = List.of("sess-c", C1.sessionId(), B2.sessionId(), B1.sessionId(),
            "sess-b", "sess-a");

    @Test
    void shouldListSessionsNewestFirstWithTheirSummaries() {
        JsonNode page = list("");

        assertThat(page.path("count").asLong()).isEqualTo(6);
        assertThat(ids(page)).isEqualTo(NEWEST_FIRST);
        JsonNode a = page.path("sessions").get(5);
        assertThat(a.path("initiator").path("id").asText()).isEqualTo("alice");
        assertThat(a.path("client").asText()).isEqualTo("Claude Code");
        assertThat(a.path("threads").asInt()).isEqualTo(4);
        assertThat(a.path("providers")).extracting(JsonNode::asText).containsExactly("anthropic");
        assertThat(a.path("models")).extracting(JsonNode::asText).containsExactly("claude-sonnet-4-0");
        assertThat(a.path("started_at").asText()).isEqualTo(A1.startedAt().toString());
        assertThat(a.path("last_prompt").asText()).isEqualTo("now write tests");
        assertThat(a.path("token_usage_summary").path("input_tokens").asLong()).isEqualTo(650);
        assertThat(a.path("token_usage_summary").path("output_tokens").asLong()).isEqualTo(65);
        assertThat(a.path("network_calls").path("total").asLong()).isZero();
    }

    @Test
    void shouldApplyEveryFilter() {
        Map<String, List<String>> expected = Map.of(
                "initiator:alice", List.of("sess-b", "sess-a"),
                "provider:openai", List.of(C1.sessionId(), "sess-b"),
                "provider_name:anthropic-eu", List.of("sess-c"),
                "model:claude-opus-4", List.of(B2.sessionId(), B1.sessionId()),
                "client:Codex", List.of(C1.sessionId(), "sess-b"),
                "session_id:sess-a", List.of("sess-a"),
                "started_after:" + D1 + "T12:00:00Z", List.of("sess-c", C1.sessionId()),
                "started_before:" + D1 + "T00:00:00Z initiator:bob", List.of(B1.sessionId()),
                "session_id:sess-a initiator:bob", List.of());
        expected.forEach((q, sessions) -> {
            JsonNode page = list("q=" + Api.encode(q));
            assertThat(ids(page)).as(q).isEqualTo(sessions);
            assertThat(page.path("count").asLong()).as(q).isEqualTo(sessions.size());
        });
    }

    @Test
    void shouldPageByCursorAndByOffset() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list("limit=4" + (cursor == null ? "" : "&after_session_id=" + cursor));
            seen.addAll(ids(page));
            cursor = page.path("next_after_session_id").isNull() ? null : page.path("next_after_session_id").asText();
        } while (cursor != null);

        assertThat(seen).isEqualTo(NEWEST_FIRST);
        assertThat(ids(list("limit=2&offset=2"))).isEqualTo(NEWEST_FIRST.subList(2, 4));
        String first = list("limit=1").path("next_after_session_id").asText();
        Api.Answer mixed = AuditWorld.api().get(SESSIONS + "?offset=1&after_session_id=" + first, AuditWorld.key("carol"));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().path("detail").asText()).isEqualTo("after_session_id and offset cannot be used together");
    }

    @Test
    void shouldLinkASessionsInterceptionsIntoThreadsByTheToolCallsTheyAnswer() {
        JsonNode session = one("sess-a", "");

        assertThat(session.path("id").asText()).isEqualTo("sess-a");
        assertThat(session.path("thread_count").asInt()).isEqualTo(2);
        JsonNode threads = session.path("threads");
        assertThat(threads).hasSize(2);
        JsonNode newest = threads.get(0);
        assertThat(newest.path("id").asText()).isEqualTo(A4.id().toString());
        assertThat(newest.path("prompt").asText()).isEqualTo("now write tests");
        assertThat(newest.path("agentic_actions")).hasSize(1);
        JsonNode first = threads.get(1);
        assertThat(first.path("id").asText()).isEqualTo(A1.id().toString());
        assertThat(first.path("prompt").asText()).isEqualTo("fix the build");
        assertThat(first.path("model").asText()).isEqualTo("claude-sonnet-4-0");
        assertThat(first.path("credential_kind").asText()).isEqualTo("centralized");
        assertThat(first.path("credential_hint").asText()).isEqualTo("sk-a...6789");
        assertThat(first.path("token_usage").path("input_tokens").asLong()).isEqualTo(600);
        assertThat(first.path("agentic_actions")).extracting(a -> a.path("interception_id").asText())
                .containsExactly(A1.id().toString(), A2.id().toString(), A3.id().toString());
        JsonNode action = first.path("agentic_actions").get(0);
        assertThat(action.path("thinking").get(0).path("text").asText()).isEqualTo("look at the logs");
        assertThat(action.path("tool_calls").get(0).path("tool_call_id").asText()).isEqualTo("toolu_a1");
        assertThat(action.path("token_usage").path("output_tokens").asLong()).isEqualTo(10);
        assertThat(session.path("page_started_at").asText()).isEqualTo(A1.startedAt().toString());
    }

    @Test
    void shouldShowAThreadsErrorAndPageThreads() {
        JsonNode failed = one(B2.sessionId(), "").path("threads").get(0);
        assertThat(failed.path("error_type").asText()).isEqualTo("upstream_error");
        assertThat(failed.path("error_message").asText()).isEqualTo("boom, bad");

        assertThat(threadIds(one("sess-a", "limit=1"))).containsExactly(A4.id().toString());
        assertThat(threadIds(one("sess-a", "limit=1&after_id=" + A4.id()))).containsExactly(A1.id().toString());
        assertThat(threadIds(one("sess-a", "before_id=" + A1.id()))).containsExactly(A4.id().toString());
        assertThat(threadIds(one("sess-a", "after_id=" + A1.id()))).isEmpty();
        for (String bad : List.of("limit=201", "after_id=" + B1.id(), "after_id=" + A4.id() + "&before_id=" + A1.id())) {
            assertThat(AuditWorld.api().get(SESSIONS + "/sess-a?" + bad, AuditWorld.key("carol")).status()).as(bad)
                    .isEqualTo(400);
        }
        assertThat(AuditWorld.api().get(SESSIONS + "/no-such-session", AuditWorld.key("carol")).status()).isEqualTo(404);
    }

    private static JsonNode list(String query) {
        Api.Answer answer = AuditWorld.api().get(SESSIONS + "?" + query, AuditWorld.key("carol"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode one(String id, String query) {
        Api.Answer answer = AuditWorld.api().get(SESSIONS + "/" + id + "?" + query, AuditWorld.key("carol"));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("sessions").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    private static List<String> threadIds(JsonNode session) {
        List<String> ids = new ArrayList<>();
        session.path("threads").forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }
}
