package dev.aigw.recorder.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;

/** Writes events as upserts keyed by ids from the events, with the TTL of their interception. */
public final class CassandraAuditWriter implements AuditWriter {
    private final CqlSession session;
    private final Duration retention;
    private final Clock clock;
    private final PreparedStatement started;
    private final PreparedStatement byDay;
    private final PreparedStatement ended;
    private final PreparedStatement tokenUsage;
    private final PreparedStatement prompt;
    private final PreparedStatement toolUsage;
    private final PreparedStatement thought;

    /** Prepares every statement once against the keyspace. */
    public CassandraAuditWriter(CqlSession session, String keyspace, Duration retention, Clock clock) {
        this.session = session;
        this.retention = retention;
        this.clock = clock;
        String ks = keyspace + ".";
        this.started = session.prepare("INSERT INTO " + ks + "interceptions (interception_id, initiator_id, "
                + "initiator_username, api_key_id, provider, provider_name, model, route, streaming, client, user_agent, "
                + "client_session_id, correlating_tool_call_id, credential_kind, credential_hint, gateway_node, metadata, "
                + "started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.byDay = session.prepare("INSERT INTO " + ks + "interceptions_by_day (day, started_at, interception_id, "
                + "initiator_id, provider, provider_name, model, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.ended = session.prepare("UPDATE " + ks + "interceptions USING TTL ? SET started_at = ?, ended_at = ?, "
                + "status = ?, upstream_status = ?, error_type = ?, error_message = ? WHERE interception_id = ?");
        this.tokenUsage = session.prepare("INSERT INTO " + ks + "token_usages (interception_id, seq, event_id, "
                + "provider_response_id, provider_model, input_tokens, output_tokens, cache_read_input_tokens, "
                + "cache_write_input_tokens, reasoning_tokens, extra, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.prompt = session.prepare("INSERT INTO " + ks + "prompts (interception_id, seq, event_id, "
                + "provider_response_id, prompt, created_at) VALUES (?, ?, ?, ?, ?, ?) USING TTL ?");
        this.toolUsage = session.prepare("INSERT INTO " + ks + "tool_usages (interception_id, seq, event_id, "
                + "provider_response_id, tool_call_id, item_id, tool, input, server_url, injected, invocation_error, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) USING TTL ?");
        this.thought = session.prepare("INSERT INTO " + ks + "model_thoughts (interception_id, seq, event_id, "
                + "provider_response_id, content, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) USING TTL ?");
    }

    @Override
    public void write(InterceptionEvent e) {
        OptionalInt ttl = RowTtl.seconds(e.getInterceptionStartedAt(), clock.instant(), retention);
        if (ttl.isEmpty()) {
            return;
        }
        for (BoundStatement statement : statements(e, ttl.getAsInt())) {
            session.execute(statement);
        }
    }

    private List<BoundStatement> statements(InterceptionEvent e, int ttl) {
        UUID id = UUID.fromString(e.getInterceptionId());
        UUID eventId = UUID.fromString(e.getEventId());
        Instant at = e.getOccurredAt();
        return switch (e.getPayload()) {
            case InterceptionStarted s -> List.of(
                    started.bind(id, s.getInitiatorId(), s.getInitiatorUsername(), s.getApiKeyId(), s.getProvider(),
                            s.getProviderName(), s.getModel(), s.getRoute(), s.getStreaming(), s.getClient(),
                            s.getUserAgent(), s.getClientSessionId(), s.getCorrelatingToolCallId(),
                            s.getCredentialKind().name().toLowerCase(Locale.ROOT), s.getCredentialHint(),
                            e.getGatewayNode(), s.getMetadata(), e.getInterceptionStartedAt(), ttl),
                    byDay.bind(LocalDate.ofInstant(e.getInterceptionStartedAt(), ZoneOffset.UTC),
                            e.getInterceptionStartedAt(), id, s.getInitiatorId(), s.getProvider(), s.getProviderName(),
                            s.getModel(), s.getClient(), ttl));
            case InterceptionEnded end -> List.of(ended.bind(ttl, e.getInterceptionStartedAt(), at,
                    end.getStatus().name().toLowerCase(Locale.ROOT), end.getUpstreamStatus(),
                    end.getErrorType(), end.getErrorMessage(), id));
            case TokenUsage t -> List.of(tokenUsage.bind(id, e.getSeq(), eventId, t.getProviderResponseId(),
                    t.getProviderModel(), t.getInputTokens(), t.getOutputTokens(), t.getCacheReadInputTokens(),
                    t.getCacheWriteInputTokens(), t.getReasoningTokens(), t.getExtra(), at, ttl));
            case PromptUsage p -> List.of(prompt.bind(id, e.getSeq(), eventId, p.getProviderResponseId(), p.getPrompt(),
                    at, ttl));
            case ToolUsage t -> List.of(toolUsage.bind(id, e.getSeq(), eventId, t.getProviderResponseId(),
                    t.getToolCallId(), t.getItemId(), t.getTool(), t.getInput(), t.getServerUrl(), t.getInjected(),
                    t.getInvocationError(), at, ttl));
            case ModelThought m -> List.of(thought.bind(id, e.getSeq(), eventId, m.getProviderResponseId(),
                    m.getContent(), m.getSource().name().toLowerCase(Locale.ROOT), at, ttl));
            default -> throw new IllegalArgumentException("unknown payload " + e.getPayload().getClass().getName());
        };
    }
}
