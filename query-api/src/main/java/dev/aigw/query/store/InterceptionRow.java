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
 * @param route       the gateway route it came in on, such as {@code /v1/messages}
 * @param userAgent   the client's {@code User-Agent}
 * @param sessionId   the client's session id, or the interception id when it had none
 * @param lastEventAt when its latest event occurred
 * @param durationMs  from its start to its end, or null while it runs
 * @param status      {@code in_progress} until its end event, then {@code completed}, {@code failed} or
 *                    {@code cancelled}; {@code incomplete} when no end event came in time
 * @param gatewayNode the gateway node that served it
 * @param toolCalls   number of tool calls the model made
 * @param truncated   the fields of the interception kept cut to their bounds; empty when it is whole
 */
public record InterceptionRow(UUID id, String initiatorId, String initiatorUsername, String apiKeyId, String provider,
                              String providerName, String model, String route, boolean streaming, String client,
                              String userAgent, String clientSessionId, String sessionId, String correlatingToolCallId,
                              String credentialKind, String credentialHint, Instant startedAt, Instant endedAt,
                              Instant lastEventAt, Long durationMs, String status, Integer upstreamStatus,
                              String errorType, String errorMessage, String gatewayNode, Tokens tokens, int toolCalls,
                              String prompt, Map<String, String> metadata, List<Truncation> truncated) {

    static InterceptionRow of(Row r) {
        boolean hasPrompt = r.getColumnDefinitions().contains("prompt");
        boolean hasMetadata = r.getColumnDefinitions().contains("metadata");
        return new InterceptionRow(r.getUuid("interception_id"), r.getString("initiator_id"),
                r.getString("initiator_username"), r.getString("api_key_id"), r.getString("provider"),
                r.getString("provider_name"), r.getString("model"), r.getString("route"), r.getBoolean("streaming"),
                r.getString("client"), r.getString("user_agent"), r.getString("client_session_id"),
                r.getString("session_id"), r.getString("correlating_tool_call_id"), r.getString("credential_kind"),
                r.getString("credential_hint"), r.getInstant("started_at"), r.getInstant("ended_at"),
                r.getInstant("last_event_at"), r.get("duration_ms", Long.class), r.getString("status"),
                r.get("upstream_status", Integer.class), r.getString("error_type"), r.getString("error_message"),
                r.getString("gateway_node"), Tokens.of(r), r.getInt("tool_calls"),
                hasPrompt ? r.getString("prompt") : null,
                hasMetadata ? r.getMap("metadata", String.class, String.class) : Map.of(), Truncation.of(r));
    }
}
