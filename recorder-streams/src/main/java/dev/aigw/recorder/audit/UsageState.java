package dev.aigw.recorder.audit;

import java.time.LocalDate;

/**
 * Usage of one person with one provider and model on one UTC day (the day its interceptions started).
 *
 * @param interceptions number of interceptions, whatever their outcome
 * @param tokens        their token totals
 */
public record UsageState(LocalDate day,
                         String initiatorId,
                         String initiatorUsername,
                         String provider,
                         String providerName,
                         String model,
                         long interceptions,
                         Tokens tokens) {

    /** The usage with {@code change} applied; {@code state} is null for a key not seen before. */
    public static UsageState apply(UsageState state, LocalDate day, SummaryChange change) {
        Contribution c = change.after();
        UsageState s = state != null ? state : new UsageState(day, c.initiatorId(), c.initiatorUsername(), c.provider(),
                c.providerName(), c.model(), 0, Tokens.ZERO);
        Tokens before = change.before() == null ? Tokens.ZERO : change.before().tokens();
        return new UsageState(s.day, s.initiatorId, s.initiatorUsername, s.provider, s.providerName, s.model,
                s.interceptions + (change.before() == null ? 1 : 0), s.tokens.minus(before).plus(c.tokens()));
    }
}
