package dev.aigw.query;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.aigw.query.search.SearchFilter;
import dev.aigw.query.store.AuditStore;
import dev.aigw.query.store.DetailReads;
import dev.aigw.query.store.Details;
import dev.aigw.query.store.FilterValueReads;
import dev.aigw.query.store.FilterValues;
import dev.aigw.query.store.InterceptionLists;
import dev.aigw.query.store.InterceptionReads;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.SessionLists;
import dev.aigw.query.store.SessionReads;
import dev.aigw.query.store.SessionRow;
import dev.aigw.query.store.Tokens;
import dev.aigw.query.store.UsageReads;
import dev.aigw.query.store.UsageRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit store's reads over interceptions held in memory, with the Cassandra reads' semantics (newest first, a
 * cursor resumes after its row, a search's terms and time range, sessions grouped by session id and person), so the
 * routes can be served without engines. {@link #down} makes every read fail as Cassandra does without a quorum.
 */
final class MemoryAuditStore implements InterceptionReads, DetailReads, UsageReads, FilterValueReads {
    private static final Comparator<InterceptionRow> NEWEST_FIRST = Comparator.comparing(InterceptionRow::startedAt)
            .thenComparing(InterceptionRow::id).reversed();

    private final List<InterceptionRow> rows = new ArrayList<>();
    private final Map<UUID, Details> details = new LinkedHashMap<>();
    private volatile boolean down;

    /** Records an interception and what happened within it. */
    MemoryAuditStore add(InterceptionRow row, Details within) {
        rows.add(row);
        details.put(row.id(), within);
        return this;
    }

    /** From now on every read fails as one without enough replicas does. */
    void down() {
        down = true;
    }

    AuditStore store() {
        return new AuditStore(this, this, new Sessions(), this, this);
    }

    @Override
    public Stream<InterceptionRow> rows(SearchFilter filter, Optional<InterceptionLists.After> after, int fetch) {
        return read().stream().filter(r -> matches(filter, r))
                .filter(r -> after.map(a -> r.startedAt().isBefore(a.startedAt())
                        || r.startedAt().equals(a.startedAt()) && r.id().compareTo(a.id()) < 0).orElse(true))
                .sorted(NEWEST_FIRST);
    }

    @Override
    public List<InterceptionRow> ofSession(String sessionId, String initiatorId) {
        return read().stream().filter(r -> r.sessionId().equals(sessionId) && r.initiatorId().equals(initiatorId))
                .sorted(NEWEST_FIRST.reversed()).toList();
    }

    @Override
    public Optional<InterceptionRow> byId(UUID id) {
        return read().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public Map<UUID, Details> of(List<UUID> ids, boolean withThoughts) {
        read();
        Map<UUID, Details> found = new LinkedHashMap<>();
        for (UUID id : ids) {
            Details d = details.getOrDefault(id, Details.NONE);
            found.put(id, withThoughts ? d : new Details(d.tokenUsages(), d.prompts(), d.toolCalls(), List.of()));
        }
        return found;
    }

    @Override
    public Stream<UsageRow> rows(SearchFilter filter) {
        return rows(filter, Optional.empty(), 1000).map(r -> new UsageRow(LocalDate.ofInstant(r.startedAt(),
                ZoneOffset.UTC), r.initiatorId(), r.initiatorUsername(), r.provider(), r.providerName(), r.model(), 1,
                r.tokens()));
    }

    @Override
    public long interceptions(SearchFilter filter) {
        return rows(filter, Optional.empty(), 1000).count();
    }

    @Override
    public List<String> distinct(FilterValues.Kind kind, Optional<String> initiator) {
        Function<InterceptionRow, String> value = switch (kind) {
            case PROVIDER -> InterceptionRow::provider;
            case PROVIDER_NAME -> InterceptionRow::providerName;
            case MODEL -> InterceptionRow::model;
            case CLIENT -> InterceptionRow::client;
        };
        return List.copyOf(read().stream().filter(r -> initiator.map(r.initiatorId()::equals).orElse(true))
                .map(value).collect(Collectors.toCollection(TreeSet::new)));
    }

    // Apart from the interception reads: its rows(...) differs from theirs only in the cursor's type.
    private final class Sessions implements SessionReads {
        @Override
        public long count(SearchFilter filter) {
            return sessions().filter(s -> matches(filter, s)).count();
        }

        @Override
        public Stream<SessionRow> byId(String sessionId) {
            return sessions().filter(s -> s.sessionId().equals(sessionId));
        }

        @Override
        public Stream<SessionRow> rows(SearchFilter filter, Optional<SessionLists.After> after, int fetch) {
            return sessions().filter(s -> matches(filter, s))
                    .sorted(Comparator.comparing(SessionRow::startedAt).reversed())
                    .filter(s -> after.map(a -> s.startedAt().isBefore(a.startedAt())).orElse(true));
        }
    }

    private List<InterceptionRow> read() {
        if (down) {
            throw new UnavailableException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1);
        }
        return rows;
    }

    // One row per session and person, summed from its interceptions as the recorder sums them.
    private Stream<SessionRow> sessions() {
        Map<List<String>, List<InterceptionRow>> grouped = read().stream().collect(Collectors.groupingBy(
                r -> List.of(r.sessionId(), r.initiatorId()), LinkedHashMap::new, Collectors.toList()));
        return grouped.values().stream().map(MemoryAuditStore::session);
    }

    private static SessionRow session(List<InterceptionRow> of) {
        List<InterceptionRow> oldestFirst = of.stream().sorted(NEWEST_FIRST.reversed()).toList();
        InterceptionRow first = oldestFirst.getFirst();
        InterceptionRow last = oldestFirst.getLast();
        return new SessionRow(first.sessionId(), first.initiatorId(), first.initiatorUsername(), first.client(),
                first.startedAt(), last.endedAt(), last.lastEventAt(), of.size(), set(of, InterceptionRow::provider),
                set(of, InterceptionRow::providerName), set(of, InterceptionRow::model),
                of.stream().map(InterceptionRow::tokens).reduce(Tokens.ZERO, Tokens::plus),
                oldestFirst.reversed().stream().map(InterceptionRow::prompt).filter(Objects::nonNull).findFirst()
                        .orElse(null));
    }

    private static Set<String> set(List<InterceptionRow> rows, Function<InterceptionRow, String> value) {
        return rows.stream().map(value).collect(Collectors.toSet());
    }

    private static boolean matches(SearchFilter f, InterceptionRow r) {
        return is(f.initiator(), r.initiatorId()) && is(f.provider(), r.provider())
                && is(f.providerName(), r.providerName()) && is(f.model(), r.model()) && is(f.client(), r.client())
                && is(f.sessionId(), r.sessionId()) && within(f, r.startedAt());
    }

    private static boolean matches(SearchFilter f, SessionRow s) {
        return is(f.initiator(), s.initiatorId()) && is(f.sessionId(), s.sessionId()) && is(f.client(), s.client())
                && f.provider().map(s.providers()::contains).orElse(true)
                && f.providerName().map(s.providerNames()::contains).orElse(true)
                && f.model().map(s.models()::contains).orElse(true) && within(f, s.startedAt());
    }

    private static boolean within(SearchFilter f, Instant at) {
        return f.startedAfter().map(a -> !at.isBefore(a)).orElse(true)
                && f.startedBefore().map(at::isBefore).orElse(true);
    }

    private static boolean is(Optional<String> term, String value) {
        return term.map(t -> t.equals(value)).orElse(true);
    }
}
