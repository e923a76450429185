package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened within one interception, in event order: token counts, prompts, tool calls and model thoughts (the
 * latter only read for detail views). Each item's id is the id of the event that recorded it.
 */
public record Details(List<TokenUsage> tokenUsages, List<Prompt> prompts, List<ToolCall> toolCalls,
                      List<Thought> thoughts) {
    /** Nothing recorded. */
    public static final Details NONE = new Details(List.of(), List.of(), List.of(), List.of());

    /** One token count reported by the provider. */
    public record TokenUsage(UUID id, UUID interceptionId, String providerResponseId, String providerModel, Tokens tokens,
                             Map<String, Long> extra, Instant createdAt) {
        static TokenUsage of(Row r) {
            return new TokenUsage(r.getUuid("event_id"), r.getUuid("interception_id"), r.getString("provider_response_id"),
                    r.getString("provider_model"), Tokens.of(r), r.getMap("extra", String.class, Long.class),
                    r.getInstant("created_at"));
        }
    }

    /** The person's prompt; {@code truncated} lists its cut fields. */
    public record Prompt(UUID id, UUID interceptionId, String providerResponseId, String prompt, Instant createdAt,
                         List<Truncation> truncated) {
        static Prompt of(Row r) {
            return new Prompt(r.getUuid("event_id"), r.getUuid("interception_id"), r.getString("provider_response_id"),
                    r.getString("prompt"), r.getInstant("created_at"), Truncation.of(r));
        }
    }

    /** A tool call the model made; {@code injected} ones the gateway ran itself; {@code truncated} its cut fields. */
    public record ToolCall(UUID id, UUID interceptionId, String providerResponseId, String toolCallId, String itemId,
                           String tool, String input, String serverUrl, boolean injected, String invocationError,
                           Instant createdAt, List<Truncation> truncated) {
        static ToolCall of(Row r) {
            return new ToolCall(r.getUuid("event_id"), r.getUuid("interception_id"), r.getString("provider_response_id"),
                    r.getString("tool_call_id"), r.getString("item_id"), r.getString("tool"), r.getString("input"),
                    r.getString("server_url"), r.getBoolean("injected"), r.getString("invocation_error"),
                    r.getInstant("created_at"), Truncation.of(r));
        }
    }

    /**
     * A thought of the model; {@code source} is {@code thinking}, {@code reasoning_summary} or {@code commentary};
     * {@code truncated} lists its cut fields.
     */
    public record Thought(UUID id, UUID interceptionId, String providerResponseId, String content, String source,
                          Instant createdAt, List<Truncation> truncated) {
        static Thought of(Row r) {
            return new Thought(r.getUuid("event_id"), r.getUuid("interception_id"), r.getString("provider_response_id"),
                    r.getString("content"), r.getString("source"), r.getInstant("created_at"), Truncation.of(r));
        }
    }
}
