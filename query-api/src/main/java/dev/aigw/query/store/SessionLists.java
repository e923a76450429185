package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.query.search.SearchFilter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Sessions matching a search, newest first: one by id from {@code sessions}, a person's from
 * {@code sessions_by_initiator} and everyone's from {@code sessions_by_day}, on the days {@link ActiveDays} names.
 * A session matches a provider, provider name or model when any of its interceptions used it, and a time range by its
 * start.
 */
public final class SessionLists implements SessionReads {
    /** Where a listing resumes: after this session's row, in listing order. */
    public record After(Instant startedAt, String sessionId, String initiatorId) {
    }

    // Cassandra orders text by its UTF-8 bytes; within one start, rows follow session id, then initiator id.
    private static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));
    private static final int FETCH = 5000;
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final CqlSession session;
    private final ActiveDays days;
    private final DayCounts counts;
    private final PreparedStatement byId;
    private final Table byDay;
    private final Table byInitiator;

    /** Prepares every statement once against the keyspace. */
    public SessionLists(CqlSession session, String keyspace, ActiveDays days, DayCounts counts) {
        this.session = session;
        this.days = days;
        this.counts = counts;
        byId = session.prepare("SELECT * FROM " + keyspace + ".sessions WHERE session_id = ?");
        byDay = new Table(session, keyspace + ".sessions_by_day WHERE day = ?");
        byInitiator = new Table(session, keyspace + ".sessions_by_initiator WHERE initiator_id = ? AND day = ?");
    }

    /** How many sessions match {@code filter}, counted day by day in the listing's partitions. */
    @Override
    public long count(SearchFilter filter) {
        if (filter.sessionId().isPresent()) {
            return rows(filter, Optional.empty(), FETCH).count();
        }
        // Without provider, model or client terms every row in range counts, and the node counts them itself.
        boolean everyRow = filter.provider().isEmpty() && filter.providerName().isEmpty() && filter.model().isEmpty()
                && filter.client().isEmpty();
        Table table = table(filter);
        return counts.total("sessions", filter, days.any(filter), day -> {
            Object[] values = Terms.bounded(key(filter, day), DayCounts.from(day, filter), DayCounts.to(day, filter));
            return everyRow ? AsyncRows.sum(session.executeAsync(table.countBetween.bind(values)), row -> row.getLong(0))
                    : AsyncRows.sum(session.executeAsync(table.between.bind(values).setPageSize(FETCH)),
                            row -> matches(filter, row) ? 1 : 0);
        });
    }

    /** The rows of one session, one per person in it (normally one), as {@code sessions} holds them in full. */
    @Override
    public Stream<SessionRow> byId(String sessionId) {
        return session.execute(byId.bind(sessionId)).all().stream().map(SessionRow::of);
    }

    /**
     * The sessions matching {@code filter} (initiator resolved to a user id), newest first, after {@code after} if
     * given. {@code fetch} is how many rows to ask Cassandra for at a time.
     */
    @Override
    public Stream<SessionRow> rows(SearchFilter filter, Optional<After> after, int fetch) {
        if (filter.sessionId().isPresent()) {
            return byId(filter.sessionId().get())
                    .filter(s -> within(filter, s) && after.map(a -> isAfter(s, a)).orElse(true) && matches(filter, s));
        }
        Optional<LocalDate> last = after.map(a -> ActiveDays.day(a.startedAt()));
        List<BoundStatement> reads = days.any(filter).stream()
                .filter(day -> last.isEmpty() || !day.isAfter(last.get()))
                .map(day -> read(table(filter), filter, after, fetch, key(filter, day)))
                .toList();
        Instant from = filter.startedAfter().orElse(Instant.MIN);
        return PartitionWalk.of(session, reads).flatMap(rows -> rows.map(SessionRow::of)
                .dropWhile(s -> after.isPresent() && !isAfter(s, after.get()))
                .takeWhile(s -> !s.startedAt().isBefore(from))
                .filter(s -> matches(filter, s)));
    }

    // A person's sessions are listed per person and day, everyone's per day.
    private Table table(SearchFilter filter) {
        return filter.initiator().isPresent() ? byInitiator : byDay;
    }

    private static Object[] key(SearchFilter filter, LocalDate day) {
        return filter.initiator().isPresent() ? new Object[] {filter.initiator().get(), day} : new Object[] {day};
    }

    private static BoundStatement read(Table table, SearchFilter filter, Optional<After> after, int fetch, Object[] key) {
        BoundStatement statement = after.isPresent()
                ? table.upTo.bind(Terms.bounded(key, after.get().startedAt()))
                : table.before.bind(Terms.bounded(key, filter.startedBefore().orElse(END_OF_TIME)));
        return statement.setPageSize(fetch);
    }

    // Only called on rows listed at or before the position: those at the same instant come first, in text order.
    private static boolean isAfter(SessionRow s, After a) {
        int byTime = s.startedAt().compareTo(a.startedAt());
        if (byTime != 0) {
            return byTime < 0;
        }
        int bySession = UTF8.compare(s.sessionId(), a.sessionId());
        return bySession != 0 ? bySession > 0 : UTF8.compare(s.initiatorId(), a.initiatorId()) > 0;
    }

    private static boolean within(SearchFilter f, SessionRow s) {
        return f.startedAfter().map(t -> !s.startedAt().isBefore(t)).orElse(true)
                && f.startedBefore().map(s.startedAt()::isBefore).orElse(true);
    }

    private static boolean matches(SearchFilter f, SessionRow s) {
        return Terms.is(f.initiator(), s.initiatorId())
                && matches(f, s.providers(), s.providerNames(), s.models(), s.client());
    }

    // A counting read's row has only these columns; its initiator is the partition's.
    private static boolean matches(SearchFilter f, Row row) {
        return matches(f, row.getSet("providers", String.class), row.getSet("provider_names", String.class),
                row.getSet("models", String.class), row.getString("client"));
    }

    private static boolean matches(SearchFilter f, Set<String> providers, Set<String> providerNames, Set<String> models,
                                   String client) {
        return Terms.has(f.provider(), providers) && Terms.has(f.providerName(), providerNames)
                && Terms.has(f.model(), models) && Terms.is(f.client(), client);
    }

    /** The reads of one listing table: before a time, from a start down, and the terms or the count between two times. */
    private record Table(PreparedStatement before, PreparedStatement upTo, PreparedStatement between,
                         PreparedStatement countBetween) {
        Table(CqlSession session, String fromWhere) {
            this(session.prepare("SELECT * FROM " + fromWhere + " AND started_at < ?"),
                    session.prepare("SELECT * FROM " + fromWhere + " AND started_at <= ?"),
                    session.prepare("SELECT providers, provider_names, models, client FROM " + fromWhere
                            + " AND started_at >= ? AND started_at < ?"),
                    session.prepare("SELECT count(*) FROM " + fromWhere + " AND started_at >= ? AND started_at < ?"));
        }
    }
}
