package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.Set;

/**
 * One person's session, as the session tables hold it; it is listed under {@code startedAt}, its earliest
 * interception's start.
 *
 * @param threads    number of interceptions
 * @param lastPrompt the last prompt of its newest interception with one (cut to 500 characters in the listings)
 */
public record SessionRow(String sessionId, String initiatorId, String initiatorUsername, String client, Instant startedAt,
                         Instant endedAt, Instant lastActiveAt, int threads, Set<String> providers,
                         Set<String> providerNames, Set<String> models, Tokens tokens, String lastPrompt) {

    static SessionRow of(Row r) {
        return new SessionRow(r.getString("session_id"), r.getString("initiator_id"), r.getString("initiator_username"),
                r.getString("client"), r.getInstant("started_at"), r.getInstant("ended_at"),
                r.getInstant("last_active_at"), r.getInt("threads"), r.getSet("providers", String.class),
                r.getSet("provider_names", String.class), r.getSet("models", String.class), Tokens.of(r),
                r.getString("last_prompt"));
    }
}
