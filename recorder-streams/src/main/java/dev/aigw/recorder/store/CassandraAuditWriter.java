package dev.aigw.recorder.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.InterceptionState;
import dev.aigw.recorder.audit.SessionState;
import dev.aigw.recorder.audit.Tokens;
import dev.aigw.recorder.audit.UsageState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes audit rows as upserts into every table that serves a read of them, each with the TTL that ends at the row's
 * expiry. Null values are left unset rather than written, since a written null is a tombstone.
 */
public final class CassandraAuditWriter {
    // Columns an interception's listings share, in the order listed(...) gives their values.
    private static final List<String> LISTED = List.of("initiator_username", "api_key_id", "provider", "provider_name",
            "model", "route", "streaming", "client", "user_agent", "client_session_id", "correlating_tool_call_id",
            "credential_kind", "credential_hint", "gateway_node", "ended_at", "last_event_at", "status", "upstream_status",
            "error_type", "error_message", "duration_ms", "input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_write_input_tokens", "reasoning_tokens", "tool_calls", "truncated");
    private static final List<String> SESSION = List.of("initiator_username", "client", "ended_at", "last_active_at",
            "threads", "providers", "provider_names", "models", "input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_write_input_tokens", "reasoning_tokens", "last_prompt");
    private static final List<String> USAGE = List.of("day", "initiator_id", "provider_name", "model",
            "initiator_username", "provider", "interceptions", "input_tokens", "output_tokens", "cache_read_input_tokens",
            "cache_write_input_tokens", "reasoning_tokens");
    private static final int LISTED_PROMPT_CHARS = 500;

    private final CqlSession session;
    private final String keyspace;
    private final Map<PreparedStatement, String> tables = new IdentityHashMap<>();
    private final PreparedStatement interception;
    private final PreparedStatement interceptionByDay;
    private final PreparedStatement interceptionByInitiator;
    private final PreparedStatement sessionInterception;
    private final PreparedStatement prompt;
    private final PreparedStatement tokenUsage;
    private final PreparedStatement toolUsage;
    private final PreparedStatement thought;
    private final PreparedStatement sessionById;
    private final PreparedStatement sessionByDay;
    private final PreparedStatement sessionByInitiator;
    private final PreparedStatement unlistByDay;
    private final PreparedStatement unlistByInitiator;
    private final PreparedStatement usageByDay;
    private final PreparedStatement usageByInitiator;
    private final PreparedStatement filterValue;
    private final PreparedStatement filterValueByInitiator;

    /** Prepares every statement once against the keyspace. */
    public CassandraAuditWriter(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
        interception = insert("interceptions", concat(List.of("interception_id", "initiator_id", "session_id",
                "started_at"), LISTED, List.of("prompt", "metadata")));
        interceptionByDay = insert("interceptions_by_day", concat(List.of("day", "started_at", "interception_id",
                "initiator_id", "session_id"), LISTED));
        interceptionByInitiator = insert("interceptions_by_initiator", concat(List.of("initiator_id", "day",
                "started_at", "interception_id", "session_id"), LISTED));
        sessionInterception = insert("session_interceptions", concat(List.of("session_id", "initiator_id",
                "started_at", "interception_id"), LISTED, List.of("prompt")));
        prompt = insert("prompts", List.of("interception_id", "seq", "event_id", "provider_response_id", "prompt",
                "created_at", "truncated"));
        tokenUsage = insert("token_usages", List.of("interception_id", "seq", "event_id", "provider_response_id",
                "provider_model", "input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens",
                "reasoning_tokens", "extra", "created_at"));
        toolUsage = insert("tool_usages", List.of("interception_id", "seq", "event_id", "provider_response_id",
                "tool_call_id", "item_id", "tool", "input", "server_url", "injected", "invocation_error", "created_at",
                "truncated"));
        thought = insert("model_thoughts", List.of("interception_id", "seq", "event_id", "provider_response_id",
                "content", "source", "created_at", "truncated"));
        sessionById = insert("sessions", concat(List.of("session_id", "initiator_id", "started_at"), SESSION));
        sessionByDay = insert("sessions_by_day", concat(List.of("day", "started_at", "session_id", "initiator_id"),
                SESSION));
        sessionByInitiator = insert("sessions_by_initiator", concat(List.of("initiator_id", "day", "started_at",
                "session_id"), SESSION));
        unlistByDay = prepare("sessions_by_day", "DELETE FROM " + keyspace + ".sessions_by_day WHERE day = ?"
                + " AND started_at = ? AND session_id = ? AND initiator_id = ?");
        unlistByInitiator = prepare("sessions_by_initiator", "DELETE FROM " + keyspace + ".sessions_by_initiator"
                + " WHERE initiator_id = ? AND day = ? AND started_at = ? AND session_id = ?");
        usageByDay = insert("usage_by_day", USAGE);
        usageByInitiator = insert("usage_by_initiator", USAGE);
        filterValue = insert("filter_values", List.of("kind", "value", "day"));
        filterValueByInitiator = insert("filter_values_by_initiator", List.of("initiator_id", "kind", "value", "day"));
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
            case AuditRow.Prompt r -> List.of(bind(prompt, ttl, uuid(r.interceptionId()), r.seq(), uuid(r.eventId()),
                    r.providerResponseId(), r.prompt(), r.createdAt(), r.truncated()));
            case AuditRow.TokenCount r -> List.of(bind(tokenUsage, ttl, uuid(r.interceptionId()), r.seq(),
                    uuid(r.eventId()), r.providerResponseId(), r.providerModel(), r.tokens().input(), r.tokens().output(),
                    r.tokens().cacheRead(), r.tokens().cacheWrite(), r.tokens().reasoning(), r.extra(), r.createdAt()));
            case AuditRow.ToolCall r -> List.of(bind(toolUsage, ttl, uuid(r.interceptionId()), r.seq(), uuid(r.eventId()),
                    r.providerResponseId(), r.toolCallId(), r.itemId(), r.tool(), r.input(), r.serverUrl(), r.injected(),
                    r.invocationError(), r.createdAt(), r.truncated()));
            case AuditRow.Thought r -> List.of(bind(thought, ttl, uuid(r.interceptionId()), r.seq(), uuid(r.eventId()),
                    r.providerResponseId(), r.content(), r.source(), r.createdAt(), r.truncated()));
            case AuditRow.Session r -> session(r.session(), ttl);
            case AuditRow.Usage r -> List.of(bind(usageByDay, ttl, usage(r.usage())),
                    bind(usageByInitiator, ttl, usage(r.usage())));
            case AuditRow.FilterValue r -> List.of(r.initiatorId() == null
                    ? bind(filterValue, ttl, r.kind(), r.value(), r.day())
                    : bind(filterValueByInitiator, ttl, r.initiatorId(), r.kind(), r.value(), r.day()));
        };
    }

    // Before the start event nothing names the initiator or session, so only the by-id row can be written.
    private List<BoundStatement> interception(AuditRow.Interception r, int ttl) {
        UUID id = uuid(r.id());
        InterceptionState.Start s = r.start();
        Object[] listed = listed(r);
        String initiator = s == null ? null : s.initiatorId();
        BoundStatement byId = bind(interception, ttl, concat(new Object[] {id, initiator, r.sessionId(), r.startedAt()},
                listed, new Object[] {r.prompt(), s == null ? null : s.metadata()}));
        if (s == null) {
            return List.of(byId);
        }
        LocalDate day = day(r.startedAt());
        return List.of(byId,
                bind(interceptionByDay, ttl, concat(new Object[] {day, r.startedAt(), id, initiator, r.sessionId()}, listed)),
                bind(interceptionByInitiator, ttl,
                        concat(new Object[] {initiator, day, r.startedAt(), id, r.sessionId()}, listed)),
                bind(sessionInterception, ttl, concat(new Object[] {r.sessionId(), initiator, r.startedAt(), id}, listed,
                        new Object[] {r.prompt()})));
    }

    private static Object[] listed(AuditRow.Interception r) {
        InterceptionState.Start s = r.start();
        InterceptionState.End e = r.end();
        Tokens t = r.tokens();
        Long durationMs = e == null ? null : Duration.between(r.startedAt(), e.endedAt()).toMillis();
        // Before the start event its columns, those before ended_at, are all unset.
        Object[] start = s == null ? new Object[LISTED.indexOf("ended_at")] : new Object[] {s.initiatorUsername(),
            s.apiKeyId(), s.provider(), s.providerName(), s.model(), s.route(), s.streaming(), s.client(), s.userAgent(),
            s.clientSessionId(), s.correlatingToolCallId(), s.credentialKind(), s.credentialHint(), s.gatewayNode()};
        Object[] end = e == null ? new Object[] {null, r.lastEventAt(), r.status(), null, null, null, null}
                : new Object[] {e.endedAt(), r.lastEventAt(), r.status(), e.upstreamStatus(), e.errorType(),
                    e.errorMessage(), durationMs};
        return concat(start, end, new Object[] {t.input(), t.output(), t.cacheRead(), t.cacheWrite(), t.reasoning(),
            r.toolCalls(), r.truncated()});
    }

    // A session that moved to an earlier start leaves its old listing rows behind; every version of it deletes them.
    private List<BoundStatement> session(SessionState s, int ttl) {
        String prompt = s.lastPrompt() == null ? null : s.lastPrompt().text();
        String cut = prompt == null || prompt.length() <= LISTED_PROMPT_CHARS ? prompt
                : prompt.substring(0, LISTED_PROMPT_CHARS);
        LocalDate day = day(s.startedAt());
        List<BoundStatement> statements = new ArrayList<>(List.of(
                bind(sessionById, ttl, concat(new Object[] {s.sessionId(), s.initiatorId(), s.startedAt()},
                        session(s, prompt))),
                bind(sessionByDay, ttl, concat(new Object[] {day, s.startedAt(), s.sessionId(), s.initiatorId()},
                        session(s, cut))),
                bind(sessionByInitiator, ttl, concat(new Object[] {s.initiatorId(), day, s.startedAt(), s.sessionId()},
                        session(s, cut)))));
        for (Instant old : s.unlisted()) {
            // A timestamp column keeps milliseconds: an earlier start within the same millisecond is this very row.
            if (old.toEpochMilli() != s.startedAt().toEpochMilli()) {
                statements.add(unlistByDay.bind(day(old), old, s.sessionId(), s.initiatorId()));
                statements.add(unlistByInitiator.bind(s.initiatorId(), day(old), old, s.sessionId()));
            }
        }
        return statements;
    }

    private static Object[] session(SessionState s, String prompt) {
        Tokens t = s.tokens();
        return new Object[] {s.initiatorUsername(), s.client(), s.endedAt(), s.lastActiveAt(), s.threads(),
            s.providers(), s.providerNames(), s.models(), t.input(), t.output(), t.cacheRead(), t.cacheWrite(),
            t.reasoning(), prompt};
    }

    private static Object[] usage(UsageState u) {
        Tokens t = u.tokens();
        return new Object[] {u.day(), u.initiatorId(), u.providerName(), u.model(), u.initiatorUsername(), u.provider(),
            u.interceptions(), t.input(), t.output(), t.cacheRead(), t.cacheWrite(), t.reasoning()};
    }

    private static BoundStatement bind(PreparedStatement statement, int ttl, Object... values) {
        Object[] withTtl = Arrays.copyOf(values, values.length + 1);
        withTtl[values.length] = ttl;
        BoundStatement bound = statement.bind(withTtl);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                bound = bound.unset(i);
            }
        }
        return bound;
    }

    private PreparedStatement insert(String table, List<String> columns) {
        return prepare(table, "INSERT INTO " + keyspace + "." + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") USING TTL ?");
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

    private static Object[] concat(Object[]... arrays) {
        return Stream.of(arrays).flatMap(Arrays::stream).toArray();
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
