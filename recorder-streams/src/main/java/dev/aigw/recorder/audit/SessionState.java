package dev.aigw.recorder.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One person's session: the interceptions sharing a client session id (or a single interception without one).
 *
 * <p>Token totals and the thread count are exact under changes ({@link SummaryChange}). First and last activity, the
 * provider and model sets and the last prompt only ever grow, because an interception never leaves its session and
 * its start fields never change; so they need no take-back. The result does not depend on the order of the changes,
 * except past the caps of {@link RecordBounds}: a session with more distinct models than it lists keeps the first ones.
 *
 * @param startedAt    start of its earliest interception; the session is listed under it
 * @param unlisted     earlier values of {@code startedAt}: an interception that started earlier arrived later, so the
 *                     listing rows under these must go
 * @param endedAt      latest end of its interceptions, or null
 * @param lastActiveAt latest event of its interceptions
 * @param lastStartedAt start of its newest interception; the session's rows expire with that interception's
 * @param threads      number of interceptions
 * @param lastPrompt   the last prompt of its newest interception that has one, or null
 */
public record SessionState(String sessionId,
                           String initiatorId,
                           String initiatorUsername,
                           String client,
                           Instant startedAt,
                           Instant endedAt,
                           Instant lastActiveAt,
                           Instant lastStartedAt,
                           int threads,
                           SortedSet<String> providers,
                           SortedSet<String> providerNames,
                           SortedSet<String> models,
                           Tokens tokens,
                           SessionPrompt lastPrompt,
                           List<Instant> unlisted) {

    /**
     * A prompt and where it stands among the session's prompts: ordered by its interception's start, then id, then seq.
     */
    public record SessionPrompt(Instant startedAt, String interceptionId, int seq, String text) {
        boolean isAfter(SessionPrompt other) {
            int byStart = startedAt.compareTo(other.startedAt);
            if (byStart != 0) {
                return byStart > 0;
            }
            int byId = interceptionId.compareTo(other.interceptionId);
            return byId != 0 ? byId > 0 : seq > other.seq;
        }
    }

    /** A session with {@code change} applied; {@code state} is null for a session not seen before. */
    public static SessionState apply(SessionState state, SummaryChange change) {
        Contribution c = change.after();
        SessionState s = state != null ? state : new SessionState(c.sessionId(), c.initiatorId(), c.initiatorUsername(),
                c.client(), c.startedAt(), null, c.lastActiveAt(), c.startedAt(), 0, new TreeSet<>(), new TreeSet<>(),
                new TreeSet<>(), Tokens.ZERO, null, List.of());
        boolean earliest = !c.startedAt().isAfter(s.startedAt);
        List<Instant> unlisted = s.unlisted;
        if (c.startedAt().isBefore(s.startedAt)) {
            unlisted = new ArrayList<>(s.unlisted);
            unlisted.add(s.startedAt);
            // Every version of the session deletes these again; the oldest were deleted by earlier versions already.
            unlisted = unlisted.subList(Math.max(0, unlisted.size() - RecordBounds.SESSION_UNLISTED), unlisted.size());
        }
        Tokens before = change.before() == null ? Tokens.ZERO : change.before().tokens();
        return new SessionState(s.sessionId, s.initiatorId,
                earliest ? c.initiatorUsername() : s.initiatorUsername,
                earliest ? c.client() : s.client,
                earliest ? c.startedAt() : s.startedAt,
                latest(s.endedAt, c.endedAt()),
                latest(s.lastActiveAt, c.lastActiveAt()),
                latest(s.lastStartedAt, c.startedAt()),
                s.threads + (change.before() == null ? 1 : 0),
                with(s.providers, c.provider()),
                with(s.providerNames, c.providerName()),
                with(s.models, c.model()),
                s.tokens.minus(before).plus(c.tokens()),
                lastPrompt(s.lastPrompt, c),
                List.copyOf(unlisted));
    }

    private static SessionPrompt lastPrompt(SessionPrompt current, Contribution c) {
        if (c.prompt() == null) {
            return current;
        }
        SessionPrompt candidate = new SessionPrompt(c.startedAt(), c.interceptionId(), c.prompt().seq(), c.prompt().text());
        return current == null || !current.isAfter(candidate) ? candidate : current;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static SortedSet<String> with(SortedSet<String> set, String value) {
        if (value == null || set.contains(value) || set.size() >= RecordBounds.SESSION_SET_ENTRIES) {
            return set;
        }
        SortedSet<String> grown = new TreeSet<>(set);
        grown.add(value);
        return grown;
    }
}
