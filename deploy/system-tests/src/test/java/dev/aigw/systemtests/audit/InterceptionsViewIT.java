package dev.aigw.systemtests.audit;

import static dev.aigw.systemtests.audit.AuditWorld.A1;
import static dev.aigw.systemtests.audit.AuditWorld.A2;
import static dev.aigw.systemtests.audit.AuditWorld.A3;
import static dev.aigw.systemtests.audit.AuditWorld.A4;
import static dev.aigw.systemtests.audit.AuditWorld.A5;
import static dev.aigw.systemtests.audit.AuditWorld.A6;
import static dev.aigw.systemtests.audit.AuditWorld.ALL;
import static dev.aigw.systemtests.audit.AuditWorld.B1;
import static dev.aigw.systemtests.audit.AuditWorld.B2;
import static dev.aigw.systemtests.audit.AuditWorld.B3;
import static dev.aigw.systemtests.audit.AuditWorld.C1;
import static dev.aigw.systemtests.audit.AuditWorld.D1;
import static dev.aigw.systemtests.audit.AuditWorld.D2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.RealStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /interceptions}: every filter, both paging styles, limits, empty results and bad searches, as an auditor. */
@ExtendWith({RealStack.class, AuditWorld.class})
class InterceptionsViewIT {
    private static final String LIST = "/api/v2/aibridge/interceptions";

    @Test
    void shouldListEveryInterceptionNewestFirstWithItsUsagesPromptsAndToolCalls() {
        JsonNode page = list("", "carol");

        assertThat(page.path("count").asLong()).isEqualTo(ALL.size());
        assertThat(ids(page)).isEqualTo(ids(ALL));
        JsonNode a1 = page.path("results").get(ALL.indexOf(A1));
        assertThat(a1.path("initiator").path("id").asText()).isEqualTo("alice");
        assertThat(a1.path("initiator").path("username").asText()).isEqualTo("alice");
        assertThat(a1.path("provider").asText()).isEqualTo("anthropic");
        assertThat(a1.path("model").asText()).isEqualTo("claude-sonnet-4-0");
        assertThat(a1.path("client").asText()).isEqualTo("Claude Code");
        assertThat(a1.path("started_at").asText()).isEqualTo(A1.startedAt().toString());
        assertThat(a1.path("ended_at").asText()).isEqualTo(A1.startedAt().plusSeconds(1).toString());
        assertThat(a1.path("token_usages").get(0).path("input_tokens").asLong()).isEqualTo(100);
        assertThat(a1.path("token_usages").get(0).path("output_tokens").asLong()).isEqualTo(10);
        assertThat(a1.path("token_usages").get(0).path("interception_id").asText()).isEqualTo(A1.id().toString());
        assertThat(a1.path("user_prompts").get(0).path("prompt").asText()).isEqualTo("fix the build");
        assertThat(a1.path("tool_usages").get(0).path("tool").asText()).isEqualTo("Read");
        assertThat(a1.path("tool_usages").get(0).path("tool_call_id").asText()).isEqualTo("toolu_a1");
        assertThat(a1.path("tool_usages").get(0).path("item_id").asText()).isEqualTo("item-toolu_a1");
        assertThat(a1.path("route").asText()).isEqualTo("/v1/messages");
        assertThat(a1.path("streaming").asBoolean(true)).isFalse();
        assertThat(a1.path("user_agent").asText()).isEqualTo("test/1");
        assertThat(a1.path("gateway_node").asText()).isEqualTo("gw-test");
        assertThat(a1.path("upstream_status").asInt()).isEqualTo(200);
        assertThat(a1.path("duration_ms").asLong()).isEqualTo(1000);
        assertThat(a1.path("last_event_at").asText()).isEqualTo(A1.startedAt().plusSeconds(1).toString());
        assertThat(a1.has("model_thoughts")).isFalse();
        assertThat(page.path("results").get(ALL.indexOf(B2)).path("error_message").asText()).isEqualTo("boom, bad");
        assertThat(page.path("results").get(ALL.indexOf(B2)).path("upstream_status").asInt()).isEqualTo(500);
        assertThat(page.path("next_after_id").isNull()).isTrue();
    }

    @Test
    void shouldShowOneInterceptionWithItsThoughts() {
        JsonNode one = AuditWorld.api().get(LIST + "/" + A1.id(), AuditWorld.key("carol")).json();

        assertThat(one.path("id").asText()).isEqualTo(A1.id().toString());
        assertThat(one.path("model_thoughts").get(0).path("content").asText()).isEqualTo("look at the logs");
        assertThat(one.path("model_thoughts").get(0).path("metadata").path("source").asText()).isEqualTo("thinking");
        assertThat(one.path("metadata").path("request_user_agent").asText()).isEqualTo("test/1");
        assertThat(one.path("session_id").asText()).isEqualTo("sess-a");
        assertThat(AuditWorld.api().get(LIST + "/" + UUID.randomUUID(), AuditWorld.key("carol")).status()).isEqualTo(404);
        assertThat(AuditWorld.api().get(LIST + "/not-a-uuid", AuditWorld.key("carol")).status()).isEqualTo(400);
    }

    @Test
    void shouldApplyEveryFilter() {
        Map<String, List<Call>> expected = Map.ofEntries(
                Map.entry("initiator:alice", List.of(A6, A5, A4, A3, A2, A1)),
                Map.entry("bob", List.of(B3, B2, B1)),
                Map.entry("initiator:me", List.of(C1)),
                Map.entry("provider:openai", List.of(C1, A6, A5)),
                Map.entry("provider_name:openai-corp", List.of(A6, A5)),
                Map.entry("model:claude-opus-4", List.of(B2, B1)),
                Map.entry("client:\"Claude Code\"", List.of(B3, A4, A3, A2, A1)),
                Map.entry("session_id:sess-a", List.of(A4, A3, A2, A1)),
                Map.entry("session_id:" + B1.id(), List.of(B1)),
                Map.entry("started_after:" + D1.atStartOfDay() + "Z", List.of(B3, C1, B2)),
                Map.entry("started_after:" + D1 + "T12:00:00Z", List.of(B3, C1)),
                Map.entry("started_before:" + D2 + "T10:00:00Z", List.of(A6, A5, A4, A3, A2, A1)),
                Map.entry("started_after:" + D2 + "T09:15:00Z started_before:" + D1 + "T13:00:00Z", List.of(B2, B1, A6)),
                Map.entry("provider:anthropic model:claude-sonnet-4-0 initiator:bob", List.of(B3)),
                Map.entry("client:Codex started_before:" + D1 + "T00:00:00Z", List.of(A6, A5)));
        expected.forEach((q, calls) -> {
            JsonNode page = list("q=" + Api.encode(q), "carol");
            assertThat(ids(page)).as(q).isEqualTo(ids(calls));
            assertThat(page.path("count").asLong()).as(q).isEqualTo(calls.size());
        });
    }

    @Test
    void shouldAnswerAnEmptyPageWhenNothingMatches() {
        for (String q : List.of("model:no-such-model", "initiator:nobody", "session_id:no-such-session",
                "started_after:2000-01-01T00:00:00Z started_before:2000-01-02T00:00:00Z")) {
            JsonNode page = list("q=" + Api.encode(q), "carol");
            assertThat(page.path("count").asLong()).as(q).isZero();
            assertThat(page.path("results").isArray() && page.path("results").isEmpty()).as(q).isTrue();
        }
    }

    @Test
    void shouldWalkEveryPageByCursorAcrossDaysWithoutGapsOrRepeats() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = list("limit=3" + (cursor == null ? "" : "&after_id=" + cursor), "carol");
            assertThat(page.path("count").asLong()).isEqualTo(ALL.size());
            seen.addAll(ids(page));
            cursor = page.path("next_after_id").isNull() ? null : page.path("next_after_id").asText();
            pages++;
        } while (cursor != null);

        assertThat(seen).isEqualTo(ids(ALL));
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void shouldPageByCursorWithinAFilteredSearch() {
        String q = "q=" + Api.encode("initiator:alice");
        JsonNode first = list(q + "&limit=4", "carol");
        JsonNode second = list(q + "&limit=4&after_id=" + first.path("next_after_id").asText(), "carol");

        assertThat(ids(first)).isEqualTo(ids(List.of(A6, A5, A4, A3)));
        assertThat(ids(second)).isEqualTo(ids(List.of(A2, A1)));
        assertThat(second.path("next_after_id").isNull()).isTrue();
    }

    @Test
    void shouldPageByOffset() {
        assertThat(ids(list("limit=3&offset=3", "carol"))).isEqualTo(ids(ALL.subList(3, 6)));
        assertThat(ids(list("limit=3&offset=9", "carol"))).isEqualTo(ids(ALL.subList(9, 10)));
        assertThat(ids(list("offset=10", "carol"))).isEmpty();
        assertThat(ids(list("limit=2&offset=1&q=" + Api.encode("session_id:sess-a"), "carol")))
                .isEqualTo(ids(List.of(A3, A2)));
    }

    @Test
    void shouldRefuseBadLimitsAndMixedPaging() {
        String cursor = list("limit=1", "carol").path("next_after_id").asText();
        Map<String, String> refused = Map.of(
                "limit=0", "limit must be an integer from 1 to 1000",
                "limit=1001", "limit must be an integer from 1 to 1000",
                "limit=ten", "limit must be an integer from 1 to 1000",
                "offset=-1", "offset must be an integer from 0 up",
                "offset=1&after_id=" + cursor, "after_id and offset cannot be used together");
        refused.forEach((query, detail) -> {
            Api.Answer answer = AuditWorld.api().get(LIST + "?" + query, AuditWorld.key("carol"));
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).as(query).isNotBlank();
            assertThat(answer.json().path("detail").asText()).as(query).startsWith(detail);
        });
        assertThat(list("limit=1000", "carol").path("results")).hasSize(ALL.size());
    }

    @Test
    void shouldRefuseAnInvalidSearchNamingTheTerm() {
        Map<String, String> refused = Map.of(
                "colour:red", "unknown search term \"colour\"",
                "started_after:yesterday", "search term started_after must be an RFC 3339 time",
                "started_before:2026-13-01", "search term started_before must be an RFC 3339 time",
                "model:a model:b", "search term model is given more than once",
                "provider:", "search term \"provider:\" has no value");
        refused.forEach((q, detail) -> {
            Api.Answer answer = AuditWorld.api().get(LIST + "?q=" + Api.encode(q), AuditWorld.key("carol"));
            assertThat(answer.status()).as(q).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).isEqualTo("Invalid search query.");
            assertThat(answer.json().path("detail").asText()).as(q).startsWith(detail);
        });
    }

    static JsonNode list(String query, String person) {
        Api.Answer answer = AuditWorld.api().get(LIST + "?" + query, AuditWorld.key(person));
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    static List<String> ids(List<Call> calls) {
        return calls.stream().map(c -> c.id().toString()).toList();
    }
}
