package dev.aigw.query.views;

import dev.aigw.query.store.SessionRow;
import dev.aigw.query.store.Tokens;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One session with a page of its threads, newest first; {@code page_started_at} and {@code page_ended_at} span the
 * threads on the page. A session id shared by several people (rare: their clients chose the same id) shows all of
 * their threads under the earliest one's name.
 */
public record SessionDetailView(String id, InitiatorView initiator, String client, List<String> providers,
                                List<String> providerNames, List<String> models, Instant startedAt, Instant endedAt,
                                Instant lastActiveAt, int threadCount, TokenUsageView tokenUsageSummary,
                                Map<String, String> metadata, NetworkCallsView networkCalls, List<ThreadView> threads,
                                Instant pageStartedAt, Instant pageEndedAt) {

    /** The view of a session's rows (one per person, at least one) and a page of its threads, newest first. */
    public static SessionDetailView of(List<SessionRow> rows, int threadCount, List<ThreadView> page) {
        SessionRow first = rows.stream().min(Comparator.comparing(SessionRow::startedAt)).orElseThrow();
        return new SessionDetailView(first.sessionId(), InitiatorView.of(first.initiatorId(), first.initiatorUsername()),
                first.client(), union(rows, SessionRow::providers), union(rows, SessionRow::providerNames),
                union(rows, SessionRow::models), first.startedAt(),
                rows.stream().map(SessionRow::endedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null),
                rows.stream().map(SessionRow::lastActiveAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                        .orElse(null),
                threadCount, TokenUsageView.of(rows.stream().map(SessionRow::tokens).reduce(Tokens.ZERO, Tokens::plus)),
                Map.of(), NetworkCallsView.NONE, page,
                page.isEmpty() ? null : page.getLast().startedAt(), page.isEmpty() ? null : page.getFirst().endedAt());
    }

    private static List<String> union(List<SessionRow> rows, Function<SessionRow, Set<String>> f) {
        TreeSet<String> all = new TreeSet<>();
        rows.forEach(r -> all.addAll(f.apply(r)));
        return List.copyOf(all);
    }
}
