package dev.aigw.query.views;

import dev.aigw.query.store.InterceptionRow;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One interception in an export: its summary with token totals, one line of JSON Lines or one CSV record. Prompts,
 * tool calls and thoughts stay in the detail view, so every line has the same few columns.
 */
public record ExportRow(UUID id, String initiatorId, String initiatorUsername, String apiKeyId, String provider,
                        String providerName, String model, String client, String sessionId, String clientSessionId,
                        Instant startedAt, Instant endedAt, String status, Integer upstreamStatus, String errorType,
                        String errorMessage, String credentialKind, String credentialHint, long inputTokens,
                        long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens, long reasoningTokens,
                        int toolCalls) {

    /** CSV column names, in record order. */
    public static final List<String> COLUMNS = List.of("id", "initiator_id", "initiator_username", "api_key_id",
            "provider", "provider_name", "model", "client", "session_id", "client_session_id", "started_at", "ended_at",
            "status", "upstream_status", "error_type", "error_message", "credential_kind", "credential_hint",
            "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens", "reasoning_tokens",
            "tool_calls");

    /** The export row of an interception. */
    public static ExportRow of(InterceptionRow r) {
        return new ExportRow(r.id(), r.initiatorId(), r.initiatorUsername(), r.apiKeyId(), r.provider(), r.providerName(),
                r.model(), r.client(), r.sessionId(), r.clientSessionId(), r.startedAt(), r.endedAt(), r.status(),
                r.upstreamStatus(), r.errorType(), r.errorMessage(), r.credentialKind(), r.credentialHint(),
                r.tokens().input(), r.tokens().output(), r.tokens().cacheRead(), r.tokens().cacheWrite(),
                r.tokens().reasoning(), r.toolCalls());
    }

    /** The values in {@link #COLUMNS} order, as text; null stays null. */
    public List<String> values() {
        return Arrays.stream(new Object[] {id, initiatorId, initiatorUsername, apiKeyId, provider, providerName, model,
            client, sessionId, clientSessionId, startedAt, endedAt, status, upstreamStatus, errorType, errorMessage,
            credentialKind, credentialHint, inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens,
            reasoningTokens, toolCalls}).map(v -> Objects.toString(v, null)).toList();
    }
}
