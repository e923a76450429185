package dev.aigw.recorder.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.InterceptionState;
import dev.aigw.recorder.audit.SessionState;
import dev.aigw.recorder.audit.Tokens;
import dev.aigw.recorder.audit.UsageState;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Writes audit rows as upserts into every table that serves a read of them, each with the TTL that ends at the row's
 * expiry. Null values are left unset rather than written, since a written null is a tombstone.
 */
public final class CassandraAuditWriter {
    // Columns an interception's listings share; listed(...) names a value for each.
    static final List<String> LISTED = List.of("initiator_username", "api_key_id", "provider", "provider_name",
            "model", "route", "streaming", "client", "user_agent", "client_session_id", "correlating_tool_call_id",
            "credential_kind", "credential_hint", "gateway_node", "ended_at", "last_event_at", "status", "upstream_status",
            "error_type", "error_message", "duration_ms", "input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_write_input_tokens", "reasoning_tokens", "tool_calls", "truncated");
    static final List<String> SESSION = List.of("initiator_username", "client", "ended_at", "last_active_at",
            "threads", "providers", "provider_names", "models", "input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_write_input_tokens", "reasoning_tokens", "last_prompt");
    static final List<String> USAGE = List.of("day", "initiator_id", "provider_name", "model",
            "initiator_username", "provider", "interceptions", "input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_write_input_tokens", "reasoning_tokens");
    static final List<String> PROMPT = List.of("interception_id", "seq", "event_id", "provider_response_id", "prompt",
            "created_at", "truncated");
    static final List<String> TOKEN_USAGE = List.of("interception_id", "seq", "event_id", "provider_response_id",
            "provider_model", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens",
            "reasoning_tokens", "extra", "created_at");
    static final List<String> TOOL_USAGE = List.of("interception_id", "seq", "event_id", "provider_response_id",
            "tool_call_id", "item_id", "tool", "input", "server_url", "injected", "invocation_error", "created_at",
            "truncated");
    static final List<String> THOUGHT = List.of("interception_id", "seq", "event_id", "provider_response_id",
            "content", "source", "created_at", "truncated");
    private static final int LISTED_PROMPT_CHARS = 500;

    private final CqlSession session;
    private final String keyspace;
    private final Map<PreparedStatement, String> tables = new IdentityHashMap<>();
    private final Upsert interception;
    private final Upsert interceptionByDay;
    private final Upsert interceptionByInitiator;
    private final Upsert sessionInterception;
    private final Upsert prompt;
    private final Upsert tokenUsage;
    private final Upsert toolUsage;
    private final Upsert thought;
    private final Upsert sessionById;
    private final Upsert sessionByDay;
    private final Upsert sessionByInitiator;
    private final PreparedStatement unlistByDay;
    private final PreparedStatement unlistByInitiator;
    private final Upsert usageByDay;
    private final Upsert usageByInitiator;
    private final Upsert filterValue;
    private final Upsert filterValueByInitiator;
    private final Upsert chain;

    /** Prepares every statement once against the keyspace. */
    public CassandraAuditWriter(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
        interception = upsert("interceptions", concat(List.of("interception_id", "initiator_id", "session_id",
                "started_at"), LISTED, List.of("prompt", "metadata")));
        interceptionByDay = upsert("interceptions_by_day", concat(List.of("day", "started_at", "interception_id",
                "initiator_id", "session_id"), LISTED));
        interceptionByInitiator = upsert("interceptions_by_initiator", concat(List.of("initiator_id", "day",
                "started_at", "interception_id", "session_id"), LISTED));
        sessionInterception = upsert("session_interceptions", concat(List.of("session_id", "initiator_id",
                "started_at", "interception_id"), LISTED, List.of("prompt")));
        prompt = upsert("prompts", PROMPT);
        tokenUsage = upsert("token_usages", TOKEN_USAGE);
        toolUsage = upsert("tool_usages", TOOL_USAGE);
        thought = upsert("model_thoughts", THOUGHT);
        sessionById = upsert("sessions", concat(List.of("session_id", "initiator_id", "started_at"), SESSION));
        sessionByDay = upsert("sessions_by_day", concat(List.of("day", "started_at", "session_id", "initiator_id"),
                SESSION));
        sessionByInitiator = upsert("sessions_by_initiator", concat(List.of("initiator_id", "day", "started_at",
                "session_id"), SESSION));
        unlistByDay = prepare("sessions_by_day", "DELETE FROM " + keyspace + ".sessions_by_day WHERE day = ?"
                + " AND started_at = ? AND session_id = ? AND initiator_id = ?");
        unlistByInitiator = prepare("sessions_by_initiator", "DELETE FROM " + keyspace + ".sessions_by_initiator"
                + " WHERE initiator_id = ? AND day = ? AND started_at = ? AND session_id = ?");
        usageByDay = upsert("usage_by_day", USAGE);
        usageByInitiator = upsert("usage_by_initiator", USAGE);
        filterValue = upsert("filter_values", List.of("kind", "value", "day"));
        filterValueByInitiator = upsert("filter_values_by_initiator", List.of("initiator_id", "kind", "value", "day"));
        chain = upsert("audit_chain", List.of("session_id", "initiator_id", "started_at", "interception_id", "digest",
                "previous_id", "previous_started_at", "previous_digest", "link", "key_id"));
    }

    /**
     * Writes every row whose expiry is still ahead of {@code now}; the future completes when all writes succeeded and
     * fails if any failed, with the failure wrapped in an exception that names the table it was for. Rows
     * are independent, so they go out concurrently (the session's throttler bounds them).
     */
    public CompletableFuture<Void> write(Collection<AuditRow> rows, Instant now) {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        for (AuditRow row : rows) {
            OptionalInt ttl = RowTtl.seconds(row.expiresAt(), now);
            if (ttl.isPresent()) {
                List<BoundStatement> statements;
                try {
                    statements = statements(row, ttl.getAsInt());
                } catch (RuntimeException e) {
                    // A value that cannot be bound (a codec refusing it) fails this write, not the sink's thread.
                    writes.add(CompletableFuture.failedFuture(new WriteFailures.TableWriteException(row.getClass()
                            .getSimpleName(), e)));
                    continue;
                }
                for (BoundStatement statement : statements) {
                    String table = tables.getOrDefault(statement.getPreparedStatement(), "unknown");
                    writes.add(session.executeAsync(statement).toCompletableFuture().exceptionallyCompose(e ->
                            CompletableFuture.failedFuture(new WriteFailures.TableWriteException(table,
                                    WriteFailures.unwrap(e)))));
                }
            }
        }
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
    }

    private List<BoundStatement> statements(AuditRow row, int ttl) {
        return switch (row) {
            case AuditRow.Interception r -> interception(r, ttl);
            case AuditRow.Prompt r -> List.of(prompt.bind(prompt(r), ttl));
            case AuditRow.TokenCount r -> List.of(tokenUsage.bind(tokenUsage(r), ttl));
            case AuditRow.ToolCall r -> List.of(toolUsage.bind(toolUsage(r), ttl));
            case AuditRow.Thought r -> List.of(thought.bind(thought(r), ttl));
            case AuditRow.Session r -> session(r.session(), ttl);
            case AuditRow.Usage r -> List.of(usageByDay.bind(usage(r.usage()), ttl),
                    usageByInitiator.bind(usage(r.usage()), ttl));
            case AuditRow.ChainLink r -> List.of(chain.bind(new Columns().with("session_id", r.sessionId())
                    .with("initiator_id", r.initiatorId()).with("started_at", r.startedAt())
                    .with("interception_id", uuid(r.interceptionId())).with("digest", bytes(r.digest()))
                    .with("previous_id", r.previousId() == null ? null : uuid(r.previousId()))
                    .with("previous_started_at", r.previousStartedAt())
                    .with("previous_digest", bytes(r.previousDigest())).with("link", bytes(r.link()))
                    .with("key_id", r.keyId()), ttl));
            case AuditRow.FilterValue r -> List.of(r.initiatorId() == null
                    ? filterValue.bind(new Columns().with("kind", r.kind()).with("value", r.value()).with("day", r.day()),
                            ttl)
                    : filterValueByInitiator.bind(new Columns().with("initiator_id", r.initiatorId())
                            .with("kind", r.kind()).with("value", r.value()).with("day", r.day()), ttl));
        };
    }

    // Before the start event nothing names the initiator or session, so only the by-id row can be written.
    private List<BoundStatement> interception(AuditRow.Interception r, int ttl) {
        UUID id = uuid(r.id());
        InterceptionState.Start s = r.start();
        String initiator = s == null ? null : s.initiatorId();
        BoundStatement byId = interception.bind(byId(r), ttl);
        if (s == null) {
            return List.of(byId);
        }
        LocalDate day = day(r.startedAt());
        return List.of(byId,
                interceptionByDay.bind(new Columns().with("day", day).with("started_at", r.startedAt())
                        .with("interception_id", id).with("initiator_id", initiator).with("session_id", r.sessionId())
                        .with(listed(r)), ttl),
                interceptionByInitiator.bind(new Columns().with("initiator_id", initiator).with("day", day)
                        .with("started_at", r.startedAt()).with("interception_id", id).with("session_id", r.sessionId())
                        .with(listed(r)), ttl),
                sessionInterception.bind(new Columns().with("session_id", r.sessionId()).with("initiator_id", initiator)
                        .with("started_at", r.startedAt()).with("interception_id", id).with(listed(r))
                        .with("prompt", r.prompt()), ttl));
    }

    /** The columns of an interception's row in the by-id table. */
    static Columns byId(AuditRow.Interception r) {
        InterceptionState.Start s = r.start();
        return new Columns().with("interception_id", uuid(r.id())).with("initiator_id", s == null ? null : s.initiatorId())
                .with("session_id", r.sessionId()).with("started_at", r.startedAt()).with(listed(r))
                .with("prompt", r.prompt()).with("metadata", s == null ? null : s.metadata());
    }

    /** The {@link #LISTED} columns of an interception; before its start event, its start's columns are unset. */
    static Columns listed(AuditRow.Interception r) {
        InterceptionState.Start s = r.start();
        InterceptionState.End e = r.end();
        Columns listed = new Columns()
                .with("initiator_username", s == null ? null : s.initiatorUsername())
                .with("api_key_id", s == null ? null : s.apiKeyId())
                .with("provider", s == null ? null : s.provider())
                .with("provider_name", s == null ? null : s.providerName())
                .with("model", s == null ? null : s.model())
                .with("route", s == null ? null : s.route())
                .with("streaming", s == null ? null : s.streaming())
                .with("client", s == null ? null : s.client())
                .with("user_agent", s == null ? null : s.userAgent())
                .with("client_session_id", s == null ? null : s.clientSessionId())
                .with("correlating_tool_call_id", s == null ? null : s.correlatingToolCallId())
                .with("credential_kind", s == null ? null : s.credentialKind())
                .with("credential_hint", s == null ? null : s.credentialHint())
                .with("gateway_node", s == null ? null : s.gatewayNode());
        return listed.with(ended(r.startedAt(), e)).with("last_event_at", r.lastEventAt()).with("status", r.status())
                .with(tokens(r.tokens())).with("tool_calls", r.toolCalls()).with("truncated", r.truncated());
    }

    // An end event's columns, unset while none has been recorded.
    private static Columns ended(Instant startedAt, InterceptionState.End e) {
        return new Columns()
                .with("ended_at", e == null ? null : e.endedAt())
                .with("upstream_status", e == null ? null : e.upstreamStatus())
                .with("error_type", e == null ? null : e.errorType())
                .with("error_message", e == null ? null : e.errorMessage())
                .with("duration_ms", e == null ? null : Duration.between(startedAt, e.endedAt()).toMillis());
    }

    private static Columns tokens(Tokens t) {
        return new Columns().with("input_tokens", t.input()).with("output_tokens", t.output())
                .with("cache_read_input_tokens", t.cacheRead()).with("cache_write_input_tokens", t.cacheWrite())
                .with("reasoning_tokens", t.reasoning());
    }

    /** The {@link #PROMPT} columns of a prompt. */
    static Columns prompt(AuditRow.Prompt r) {
        return event(r.interceptionId(), r.seq(), r.eventId(), r.providerResponseId(), r.createdAt())
                .with("prompt", r.prompt()).with("truncated", r.truncated());
    }

    /** The {@link #TOKEN_USAGE} columns of a token count. */
    static Columns tokenUsage(AuditRow.TokenCount r) {
        return event(r.interceptionId(), r.seq(), r.eventId(), r.providerResponseId(), r.createdAt())
                .with("provider_model", r.providerModel()).with(tokens(r.tokens())).with("extra", r.extra());
    }

    /** The {@link #TOOL_USAGE} columns of a tool call. */
    static Columns toolUsage(AuditRow.ToolCall r) {
        return event(r.interceptionId(), r.seq(), r.eventId(), r.providerResponseId(), r.createdAt())
                .with("tool_call_id", r.toolCallId()).with("item_id", r.itemId()).with("tool", r.tool())
                .with("input", r.input()).with("server_url", r.serverUrl()).with("injected", r.injected())
                .with("invocation_error", r.invocationError()).with("truncated", r.truncated());
    }

    /** The {@link #THOUGHT} columns of a model thought. */
    static Columns thought(AuditRow.Thought r) {
        return event(r.interceptionId(), r.seq(), r.eventId(), r.providerResponseId(), r.createdAt())
                .with("content", r.content()).with("source", r.source()).with("truncated", r.truncated());
    }

    // The columns every per-event detail row starts with.
    private static Columns event(String interceptionId, int seq, String eventId, String providerResponseId,
                                 Instant createdAt) {
        return new Columns().with("interception_id", uuid(interceptionId)).with("seq", seq)
                .with("event_id", uuid(eventId)).with("provider_response_id", providerResponseId)
                .with("created_at", createdAt);
    }

    // A session that moved to an earlier start leaves its old listing rows behind; every version of it deletes them.
    private List<BoundStatement> session(SessionState s, int ttl) {
        String prompt = s.lastPrompt() == null ? null : s.lastPrompt().text();
        String cut = prompt == null || prompt.length() <= LISTED_PROMPT_CHARS ? prompt
                : prompt.substring(0, LISTED_PROMPT_CHARS);
        LocalDate day = day(s.startedAt());
        List<BoundStatement> statements = new ArrayList<>(List.of(
                sessionById.bind(new Columns().with("session_id", s.sessionId()).with("initiator_id", s.initiatorId())
                        .with("started_at", s.startedAt()).with(session(s, prompt)), ttl),
                sessionByDay.bind(new Columns().with("day", day).with("started_at", s.startedAt())
                        .with("session_id", s.sessionId()).with("initiator_id", s.initiatorId()).with(session(s, cut)), ttl),
                sessionByInitiator.bind(new Columns().with("initiator_id", s.initiatorId()).with("day", day)
                        .with("started_at", s.startedAt()).with("session_id", s.sessionId()).with(session(s, cut)), ttl)));
        for (Instant old : s.unlisted()) {
            // A timestamp column keeps milliseconds: an earlier start within the same millisecond is this very row.
            if (old.toEpochMilli() != s.startedAt().toEpochMilli()) {
                statements.add(unlistByDay.bind(day(old), old, s.sessionId(), s.initiatorId()));
                statements.add(unlistByInitiator.bind(s.initiatorId(), day(old), old, s.sessionId()));
            }
        }
        return statements;
    }

    /** The {@link #SESSION} columns of a session, with {@code prompt} as its last prompt. */
    static Columns session(SessionState s, String prompt) {
        return new Columns().with("initiator_username", s.initiatorUsername()).with("client", s.client())
                .with("ended_at", s.endedAt()).with("last_active_at", s.lastActiveAt()).with("threads", s.threads())
                .with("providers", s.providers()).with("provider_names", s.providerNames()).with("models", s.models())
                .with(tokens(s.tokens())).with("last_prompt", prompt);
    }

    /** The {@link #USAGE} columns of a usage rollup. */
    static Columns usage(UsageState u) {
        return new Columns().with("day", u.day()).with("initiator_id", u.initiatorId())
                .with("provider_name", u.providerName()).with("model", u.model())
                .with("initiator_username", u.initiatorUsername()).with("provider", u.provider())
                .with("interceptions", u.interceptions()).with(tokens(u.tokens()));
    }

    private Upsert upsert(String table, List<String> columns) {
        Upsert upsert = Upsert.prepare(session, keyspace, table, columns);
        tables.put(upsert.statement(), table);
        return upsert;
    }

    private PreparedStatement prepare(String table, String cql) {
        PreparedStatement statement = session.prepare(cql);
        tables.put(statement, table);
        return statement;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    private static ByteBuffer bytes(String hex) {
        return hex == null ? null : ByteBuffer.wrap(HexFormat.of().parseHex(hex));
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
