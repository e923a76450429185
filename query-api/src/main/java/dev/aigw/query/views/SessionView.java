package dev.aigw.query.views;

import dev.aigw.query.store.SessionRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** One session in a listing, as the reference lists it; {@code threads} counts its interceptions. */
public record SessionView(String id, InitiatorView initiator, String client, List<String> providers,
                          List<String> providerNames, List<String> models, Instant startedAt, Instant endedAt,
                          Instant lastActiveAt, String lastPrompt, int threads, TokenUsageView tokenUsageSummary,
                          Map<String, String> metadata, NetworkCallsView networkCalls) {

    /** The view of a session row. */
    public static SessionView of(SessionRow s) {
        return new SessionView(s.sessionId(), InitiatorView.of(s.initiatorId(), s.initiatorUsername()), s.client(),
                sorted(s.providers()), sorted(s.providerNames()), sorted(s.models()), s.startedAt(), s.endedAt(),
                s.lastActiveAt(), s.lastPrompt(), s.threads(), TokenUsageView.of(s.tokens()), Map.of(),
                NetworkCallsView.NONE);
    }

    static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
