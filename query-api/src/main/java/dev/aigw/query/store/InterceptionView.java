package dev.aigw.query.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One interception with its detail rows, in the reference's response shape (snake_case on the wire). */
public record InterceptionView(String id,
                               Initiator initiator,
                               String apiKeyId,
                               String provider,
                               String providerName,
                               String model,
                               String client,
                               String clientSessionId,
                               String credentialKind,
                               String credentialHint,
                               Instant startedAt,
                               Instant endedAt,
                               String status,
                               List<TokenUsage> tokenUsages,
                               List<Prompt> userPrompts,
                               List<ToolUsage> toolUsages) {

    /** The person who made the request. */
    public record Initiator(String id, String username) {
    }

    /** Tokens of one provider response. */
    public record TokenUsage(String id, String interceptionId, String providerResponseId, long inputTokens,
                             long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                             long reasoningTokens, Map<String, Long> metadata, Instant createdAt) {
    }

    /** The last user prompt of the request. */
    public record Prompt(String id, String interceptionId, String providerResponseId, String prompt, Instant createdAt) {
    }

    /** One tool call made by the model. */
    public record ToolUsage(String id, String interceptionId, String providerResponseId, String toolCallId, String tool,
                            String input, String serverUrl, boolean injected, String invocationError, Instant createdAt) {
    }
}
