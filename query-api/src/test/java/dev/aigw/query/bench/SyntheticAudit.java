package dev.aigw.query.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a synthetic audit store straight into the recorder's tables, as the recorder would leave them: every person's
 * interceptions spread over the last days (each with a prompt, a token count, a tool call and a thought), grouped ten
 * at a time into sessions, with the usage rollups and filter values that go with them. An interception's rows go out
 * as one unlogged batch (eight partitions, one per table); writes go out concurrently, at most {@code IN_FLIGHT} at a
 * time. The columns written are the ones the query API reads.
 */
final class SyntheticAudit {
    private static final int IN_FLIGHT = 64;
    private static final int ATTEMPTS = 5;
    private static final int SESSION_SIZE = 10;
    private static final String[][] MODELS = {{"anthropic", "anthropic", "claude-sonnet-4-0"},
        {"anthropic", "anthropic", "claude-opus-4"}, {"openai", "openai", "gpt-4o"}};
    private static final String[] CLIENTS = {"Claude Code", "Codex", "Cursor"};

    private final CqlSession session;
    private final String keyspace;
    private final Map<String, PreparedStatement> inserts = new HashMap<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Random random = new Random(42);
    private long written;

    SyntheticAudit(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = keyspace;
    }

    /** One person's generated interception: enough to find it again. */
    record Written(UUID id, String initiatorId, String sessionId) {
    }

    /**
     * Writes {@code perPerson} interceptions for each of {@code people} people over the {@code days} days before
     * {@code now}; returns one in every {@code sampleEvery} interceptions written, for the reads to ask for.
     */
    List<Written> write(int people, int perPerson, int days, Instant now, int sampleEvery) {
        List<Written> sample = new ArrayList<>();
        long started = System.nanoTime();
        Map<List<Object>, long[]> usage = new HashMap<>();
        Set<List<Object>> filterValues = new HashSet<>();
        for (int p = 0; p < people; p++) {
            String user = String.format("user-%04d", p);
            long[] starts = random.longs(perPerson, now.minusSeconds(days * 86_400L).toEpochMilli(), now.toEpochMilli())
                    .sorted().toArray();
            for (int s = 0; s < perPerson; s += SESSION_SIZE) {
                String sessionId = UUID.randomUUID().toString();
                String[] model = MODELS[random.nextInt(MODELS.length)];
                String client = CLIENTS[random.nextInt(CLIENTS.length)];
                List<Object[]> threads = new ArrayList<>();
                for (int i = s; i < Math.min(s + SESSION_SIZE, perPerson); i++) {
                    Instant at = Instant.ofEpochMilli(starts[i]);
                    UUID id = UUID.randomUUID();
                    long input = 100 + random.nextInt(5000);
                    long output = 10 + random.nextInt(800);
                    interception(id, user, sessionId, model, client, at, input, output);
                    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
                    long[] sum = usage.computeIfAbsent(List.of(day, user, model[1], model[2], model[0]), k -> new long[3]);
                    sum[0]++;
                    sum[1] += input;
                    sum[2] += output;
                    for (String[] kv : new String[][] {{"provider", model[0]}, {"provider_name", model[1]},
                        {"model", model[2]}, {"client", client}}) {
                        filterValues.add(Arrays.asList(kv[0], kv[1], day, null));
                        filterValues.add(Arrays.asList(kv[0], kv[1], day, user));
                    }
                    threads.add(new Object[] {at, input, output});
                    if (written++ % sampleEvery == 0) {
                        sample.add(new Written(id, user, sessionId));
                    }
                }
                session(sessionId, user, model, client, threads);
            }
            if ((p + 1) % 50 == 0) {
                System.out.printf("  %,d interceptions written (%.0f/s)%n", written,
                        written / ((System.nanoTime() - started) / 1e9));
            }
        }
        usage.forEach((k, v) -> usage(k, v));
        filterValues.forEach(this::filterValue);
        drain();
        return sample;
    }

    private void interception(UUID id, String user, String sessionId, String[] model, String client, Instant at,
                              long input, long output) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Map<String, Object> listed = new LinkedHashMap<>();
        listed.put("initiator_username", "name-" + user);
        listed.put("api_key_id", "key-" + user);
        listed.put("provider", model[0]);
        listed.put("provider_name", model[1]);
        listed.put("model", model[2]);
        listed.put("route", "/v1/messages");
        listed.put("streaming", true);
        listed.put("client", client);
        listed.put("user_agent", "claude-cli/2.0.67");
        listed.put("client_session_id", sessionId);
        listed.put("credential_kind", "centralized");
        listed.put("credential_hint", "sk-a...6789");
        listed.put("gateway_node", "gw-1");
        listed.put("ended_at", at.plusSeconds(3));
        listed.put("status", "completed");
        listed.put("upstream_status", 200);
        listed.put("duration_ms", 3000L);
        listed.put("input_tokens", input);
        listed.put("output_tokens", output);
        listed.put("cache_read_input_tokens", 0L);
        listed.put("cache_write_input_tokens", 0L);
        listed.put("reasoning_tokens", 0L);
        listed.put("tool_calls", 1);
        String prompt = "Please refactor the module so that the tests pass and explain what you changed, step " + id;
        List<BatchableStatement<?>> rows = new ArrayList<>();
        rows.add(bind("interceptions", with(listed, "interception_id", id, "initiator_id", user, "session_id", sessionId,
                "started_at", at, "prompt", prompt, "metadata", Map.of("request_user_agent", "claude-cli/2.0.67"))));
        rows.add(bind("interceptions_by_day", with(listed, "day", day, "started_at", at, "interception_id", id,
                "initiator_id", user, "session_id", sessionId)));
        rows.add(bind("interceptions_by_initiator", with(listed, "initiator_id", user, "day", day, "started_at", at,
                "interception_id", id, "session_id", sessionId)));
        rows.add(bind("session_interceptions", with(listed, "session_id", sessionId, "initiator_id", user, "started_at", at,
                "interception_id", id, "prompt", prompt)));
        rows.add(bind("prompts", with(Map.of(), "interception_id", id, "seq", 1, "event_id", UUID.randomUUID(),
                "provider_response_id", "msg_" + id, "prompt", prompt, "created_at", at)));
        rows.add(bind("model_thoughts", with(Map.of(), "interception_id", id, "seq", 2, "event_id", UUID.randomUUID(),
                "provider_response_id", "msg_" + id, "content", "I should read the failing test first.", "source",
                "thinking", "created_at", at)));
        rows.add(bind("tool_usages", with(Map.of(), "interception_id", id, "seq", 3, "event_id", UUID.randomUUID(),
                "provider_response_id", "msg_" + id, "tool_call_id", "toolu_" + id, "tool", "Read", "input",
                "{\"path\":\"src/Main.java\"}", "injected", false, "created_at", at)));
        rows.add(bind("token_usages", with(Map.of(), "interception_id", id, "seq", 4, "event_id", UUID.randomUUID(),
                "provider_response_id", "msg_" + id, "provider_model", model[2], "input_tokens", input, "output_tokens",
                output, "cache_read_input_tokens", 0L, "cache_write_input_tokens", 0L, "reasoning_tokens", 0L, "extra",
                Map.of(), "created_at", at)));
        send(BatchStatement.newInstance(DefaultBatchType.UNLOGGED, rows));
    }

    private void session(String sessionId, String user, String[] model, String client, List<Object[]> threads) {
        Instant first = (Instant) threads.getFirst()[0];
        Instant last = (Instant) threads.getLast()[0];
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("initiator_username", "name-" + user);
        summary.put("client", client);
        summary.put("started_at", first);
        summary.put("ended_at", last.plusSeconds(3));
        summary.put("last_active_at", last.plusSeconds(3));
        summary.put("threads", threads.size());
        summary.put("providers", Set.of(model[0]));
        summary.put("provider_names", Set.of(model[1]));
        summary.put("models", Set.of(model[2]));
        summary.put("input_tokens", threads.stream().mapToLong(t -> (long) t[1]).sum());
        summary.put("output_tokens", threads.stream().mapToLong(t -> (long) t[2]).sum());
        summary.put("cache_read_input_tokens", 0L);
        summary.put("cache_write_input_tokens", 0L);
        summary.put("reasoning_tokens", 0L);
        summary.put("last_prompt", "Please refactor the module so that the tests pass");
        LocalDate day = LocalDate.ofInstant(first, ZoneOffset.UTC);
        insert("sessions", with(summary, "session_id", sessionId, "initiator_id", user));
        insert("sessions_by_day", with(summary, "day", day, "session_id", sessionId, "initiator_id", user));
        insert("sessions_by_initiator", with(summary, "initiator_id", user, "day", day, "session_id", sessionId));
    }

    private void usage(List<Object> key, long[] sum) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("day", key.get(0));
        row.put("initiator_id", key.get(1));
        row.put("provider_name", key.get(2));
        row.put("model", key.get(3));
        row.put("initiator_username", "name-" + key.get(1));
        row.put("provider", key.get(4));
        row.put("interceptions", sum[0]);
        row.put("input_tokens", sum[1]);
        row.put("output_tokens", sum[2]);
        row.put("cache_read_input_tokens", 0L);
        row.put("cache_write_input_tokens", 0L);
        row.put("reasoning_tokens", 0L);
        insert("usage_by_day", row);
        insert("usage_by_initiator", row);
    }

    private void filterValue(List<Object> v) {
        Map<String, Object> row = with(Map.of(), "kind", v.get(0), "value", v.get(1), "day", v.get(2));
        insert(v.get(3) == null ? "filter_values" : "filter_values_by_initiator",
                v.get(3) == null ? row : with(row, "initiator_id", v.get(3)));
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private void insert(String table, Map<String, Object> row) {
        send(bind(table, row));
    }

    private BoundStatement bind(String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        PreparedStatement insert = inserts.computeIfAbsent(table + "(" + columns + ")", k -> session.prepare(
                "INSERT INTO " + keyspace + "." + table + " (" + columns + ") VALUES ("
                        + String.join(", ", Collections.nCopies(row.size(), "?")) + ")"));
        return insert.bind(row.values().toArray());
    }

    private void send(Statement<?> statement) {
        inFlight.acquireUninterruptibly();
        if (failure.get() != null) {
            throw new CompletionException(failure.get());
        }
        execute(statement, 1);
    }

    // Upserts are idempotent, so a write the busy node timed out on is simply sent again.
    private void execute(Statement<?> statement, int attempt) {
        session.executeAsync(statement).whenComplete((rs, e) -> {
            if (e instanceof WriteTimeoutException && attempt < ATTEMPTS) {
                execute(statement, attempt + 1);
                return;
            }
            if (e != null) {
                failure.compareAndSet(null, e);
            }
            inFlight.release();
        });
    }

    private void drain() {
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        inFlight.release(IN_FLIGHT);
        if (failure.get() != null) {
            throw new CompletionException(failure.get());
        }
    }
}
