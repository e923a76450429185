package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.Row;
import java.time.LocalDate;

/**
 * Usage of one person with one provider instance and model on one UTC day: how many interceptions started and their
 * tokens.
 */
public record UsageRow(LocalDate day, String initiatorId, String initiatorUsername, String provider, String providerName,
                       String model, long interceptions, Tokens tokens) {

    static UsageRow of(Row r) {
        return new UsageRow(r.getLocalDate("day"), r.getString("initiator_id"), r.getString("initiator_username"),
                r.getString("provider"), r.getString("provider_name"), r.getString("model"), r.getLong("interceptions"),
                Tokens.of(r));
    }

    static UsageRow of(InterceptionRow r) {
        return new UsageRow(ActiveDays.day(r.startedAt()), r.initiatorId(), r.initiatorUsername(), r.provider(),
                r.providerName(), r.model(), 1, r.tokens());
    }
}
