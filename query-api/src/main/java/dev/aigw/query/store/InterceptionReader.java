package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Reads interceptions from the audit tables by partition, never by scanning a table. */
public final class InterceptionReader {
    private final CqlSession session;
    private final Clock clock;
    private final int lookbackDays;
    private final PreparedStatement byDay;
    private final PreparedStatement byId;
    private final PreparedStatement tokenUsages;
    private final PreparedStatement prompts;
    private final PreparedStatement toolUsages;

    /** Prepares every statement once against the keyspace. */
    public InterceptionReader(CqlSession session, String keyspace, Clock clock, int lookbackDays) {
        this.session = session;
        this.clock = clock;
        this.lookbackDays = lookbackDays;
        String ks = keyspace + ".";
        byDay = session.prepare("SELECT interception_id FROM " + ks + "interceptions_by_day WHERE day = ? LIMIT ?");
        byId = session.prepare("SELECT * FROM " + ks + "interceptions WHERE interception_id = ?");
        tokenUsages = session.prepare("SELECT * FROM " + ks + "token_usages WHERE interception_id = ?");
        prompts = session.prepare("SELECT * FROM " + ks + "prompts WHERE interception_id = ?");
        toolUsages = session.prepare("SELECT * FROM " + ks + "tool_usages WHERE interception_id = ?");
    }

    /** The newest interceptions, newest first, walking daily partitions back from today. */
    public List<InterceptionView> newest(int limit) {
        List<InterceptionView> found = new ArrayList<>();
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 0; i <= lookbackDays && found.size() < limit; i++, day = day.minusDays(1)) {
            for (Row row : session.execute(byDay.bind(day, limit - found.size()))) {
                byId(row.getUuid("interception_id")).ifPresent(found::add);
            }
        }
        return found;
    }

    /** One interception with its detail rows. */
    public Optional<InterceptionView> byId(UUID id) {
        Row r = session.execute(byId.bind(id)).one();
        if (r == null) {
            return Optional.empty();
        }
        return Optional.of(new InterceptionView(id.toString(),
                new InterceptionView.Initiator(r.getString("initiator_id"), r.getString("initiator_username")),
                r.getString("api_key_id"), r.getString("provider"), r.getString("provider_name"), r.getString("model"),
                r.getString("client"), r.getString("client_session_id"), r.getString("credential_kind"),
                r.getString("credential_hint"), r.getInstant("started_at"), r.getInstant("ended_at"), r.getString("status"),
                rows(tokenUsages, id, InterceptionReader::tokenUsage), rows(prompts, id, InterceptionReader::prompt),
                rows(toolUsages, id, InterceptionReader::toolUsage)));
    }

    private <T> List<T> rows(PreparedStatement statement, UUID id, Function<Row, T> mapper) {
        return session.execute(statement.bind(id)).all().stream().map(mapper).toList();
    }

    private static InterceptionView.TokenUsage tokenUsage(Row r) {
        return new InterceptionView.TokenUsage(r.getUuid("event_id").toString(), r.getUuid("interception_id").toString(),
                r.getString("provider_response_id"), r.getLong("input_tokens"), r.getLong("output_tokens"),
                r.getLong("cache_read_input_tokens"), r.getLong("cache_write_input_tokens"), r.getLong("reasoning_tokens"),
                r.getMap("extra", String.class, Long.class), r.getInstant("created_at"));
    }

    private static InterceptionView.Prompt prompt(Row r) {
        return new InterceptionView.Prompt(r.getUuid("event_id").toString(), r.getUuid("interception_id").toString(),
                r.getString("provider_response_id"), r.getString("prompt"), r.getInstant("created_at"));
    }

    private static InterceptionView.ToolUsage toolUsage(Row r) {
        return new InterceptionView.ToolUsage(r.getUuid("event_id").toString(), r.getUuid("interception_id").toString(),
                r.getString("provider_response_id"), r.getString("tool_call_id"), r.getString("tool"), r.getString("input"),
                r.getString("server_url"), r.getBoolean("injected"), r.getString("invocation_error"),
                r.getInstant("created_at"));
    }
}
