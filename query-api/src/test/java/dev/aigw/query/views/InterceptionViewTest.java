package dev.aigw.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aigw.query.store.Details;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.Tokens;
import dev.aigw.query.store.Truncation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InterceptionViewTest {
    // As the API writes its responses (http.Json).
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldShowTheTruncationMarksOfTheInterceptionAndOfEachPromptWhenFieldsWereCut() {
        InterceptionRow row = row(List.of(new Truncation("model", 70_000, "ab12")));
        Details details = new Details(List.of(), List.of(new Details.Prompt(UUID.randomUUID(), row.id(), null, "cut",
                T0, List.of(new Truncation("prompt", 300_000, "cd34")))), List.of(), List.of());

        JsonNode json = JSON.valueToTree(InterceptionView.of(row, details, true));

        assertThat(json.path("truncated").get(0).path("field").asText()).isEqualTo("model");
        assertThat(json.path("truncated").get(0).path("original_length").asLong()).isEqualTo(70_000);
        assertThat(json.path("truncated").get(0).path("sha256").asText()).isEqualTo("ab12");
        assertThat(json.path("user_prompts").get(0).path("truncated").get(0).path("field").asText()).isEqualTo("prompt");
    }

    @Test
    void shouldLeaveTruncatedOutWhenNothingWasCut() {
        InterceptionRow row = row(List.of());
        Details details = new Details(List.of(), List.of(new Details.Prompt(UUID.randomUUID(), row.id(), null, "whole",
                T0, List.of())), List.of(), List.of());

        JsonNode json = JSON.valueToTree(InterceptionView.of(row, details, false));

        assertThat(json.has("truncated")).isFalse();
        assertThat(json.path("user_prompts").get(0).has("truncated")).isFalse();
    }

    @Test
    void shouldShowTheRouteUserAgentTimingUpstreamStatusGatewayNodeAndEachToolCallsItem() {
        InterceptionRow row = row(List.of());
        Details details = new Details(List.of(), List.of(), List.of(new Details.ToolCall(UUID.randomUUID(), row.id(),
                "resp_1", "call_1", "fc_1", "shell", "{}", null, false, null, T0, List.of())), List.of());

        JsonNode json = JSON.valueToTree(InterceptionView.of(row, details, false));

        assertThat(json.path("route").asText()).isEqualTo("/v1/messages");
        assertThat(json.path("streaming").asBoolean()).isTrue();
        assertThat(json.path("user_agent").asText()).isEqualTo("ua");
        assertThat(json.path("upstream_status").asInt()).isEqualTo(200);
        assertThat(json.path("gateway_node").asText()).isEqualTo("gw-1");
        assertThat(json.path("duration_ms").asLong()).isEqualTo(1000);
        assertThat(json.path("last_event_at").asText()).isEqualTo(T0.plusSeconds(1).toString());
        assertThat(json.path("tool_usages").get(0).path("item_id").asText()).isEqualTo("fc_1");
        assertThat(json.path("tool_usages").get(0).path("tool_call_id").asText()).isEqualTo("call_1");
    }

    private static InterceptionRow row(List<Truncation> truncated) {
        return new InterceptionRow(UUID.randomUUID(), "alice", "alice", "key", "anthropic", "anthropic", "claude",
                "/v1/messages", true, "Claude Code", "ua", "s", "s", null, "centralized", "sk-a...6789", T0,
                T0.plusSeconds(1), T0.plusSeconds(1), 1000L, "completed", 200, null, null, "gw-1", Tokens.ZERO, 0, "cut",
                Map.of(), truncated);
    }
}
