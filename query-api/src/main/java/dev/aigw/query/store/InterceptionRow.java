package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An interception's summary, as every interception table holds it. {@code prompt} is null where the table has no
 * prompt column (the day and person listings) and {@code metadata} empty outside {@code interceptions}.
 *
 * @param sessionId the client's session id, or the interception id when it had none
 * @param status    {@code completed}, {@code failed}, {@code cancelled}, or null while it runs
 * @param toolCalls number of tool calls the model made
 * @param truncated the fields of the interception kept cut to their bounds; empty when it is whole
 */
public record InterceptionRow(UUID id, String initiatorId, String initiatorUsername, String apiKeyId, String provider,
                              String providerName, String model, String client, String userAgent,
                              String clientSessionId, String sessionId, String correlatingToolCallId,
                              String credentialKind, String credentialHint, Instant startedAt, Instant endedAt,
                              String status, Integer upstreamStatus, String errorType, String errorMessage, Tokens tokens,
                              int toolCalls, String prompt, Map<String, String> metadata, List<Truncation> truncated) {

    static InterceptionRow of(Row r) {
        boolean hasPrompt = r.getColumnDefinitions().contains("prompt");
        boolean hasMetadata = r.getColumnDefinitions().contains("metadata");
        return new InterceptionRow(r.getUuid("interception_id"), r.getString("initiator_id"),
                r.getString("initiator_username"), r.getString("api_key_id"), r.getString("provider"),
                r.getString("provider_name"), r.getString("model"), r.getString("client"), r.getString("user_agent"),
                r.getString("client_session_id"), r.getString("session_id"), r.getString("correlating_tool_call_id"),
                r.getString("credential_kind"), r.getString("credential_hint"), r.getInstant("started_at"),
                r.getInstant("ended_at"), r.getString("status"), r.get("upstream_status", Integer.class),
                r.getString("error_type"), r.getString("error_message"), Tokens.of(r), r.getInt("tool_calls"),
                hasPrompt ? r.getString("prompt") : null,
                hasMetadata ? r.getMap("metadata", String.class, String.class) : Map.of(), Truncation.of(r));
    }
}
