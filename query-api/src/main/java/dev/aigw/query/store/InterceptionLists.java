package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.query.search.SearchFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Interception summaries matching a search, newest first, read partition by partition: a session's from
 * {@code session_interceptions}, a person's from {@code interceptions_by_initiator} and everyone's from
 * {@code interceptions_by_day}, only on the days {@link ActiveDays} names. Rows are fetched as the stream is consumed.
 */
public final class InterceptionLists implements InterceptionReads {
    /** Where a listing resumes: after the row with this start and id, in listing order. */
    public record After(Instant startedAt, UUID id) {
    }

    // The order of every listing: newest start first, then the id as Cassandra orders uuid columns (unsigned bytes).
    private static final Comparator<InterceptionRow> NEWEST_FIRST = Comparator.comparing(InterceptionRow::startedAt)
            .thenComparing(InterceptionRow::id, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            }).reversed();
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final CqlSession session;
    private final ActiveDays days;
    private final Table byDay;
    private final Table byInitiator;
    private final Table bySession;
    private final PreparedStatement sessionInitiators;
    private final PreparedStatement whole;
    private final PreparedStatement dayBetween;
    private final PreparedStatement initiatorDayBetween;

    /** Prepares every statement once against the keyspace. */
    public InterceptionLists(CqlSession session, String keyspace, ActiveDays days) {
        this.session = session;
        this.days = days;
        byDay = new Table(session, keyspace + ".interceptions_by_day WHERE day = ?", "");
        byInitiator = new Table(session, keyspace + ".interceptions_by_initiator WHERE initiator_id = ? AND day = ?", "");
        bySession = new Table(session, keyspace + ".session_interceptions WHERE session_id = ? AND initiator_id = ?",
                " ORDER BY started_at DESC, interception_id DESC");
        sessionInitiators = session.prepare("SELECT initiator_id FROM " + keyspace + ".sessions WHERE session_id = ?");
        whole = session.prepare("SELECT * FROM " + keyspace + ".session_interceptions WHERE session_id = ? AND initiator_id = ?");
        String matched = "SELECT provider, provider_name, model, client FROM " + keyspace;
        dayBetween = session.prepare(matched + ".interceptions_by_day WHERE day = ? AND started_at >= ? AND started_at < ?");
        initiatorDayBetween = session.prepare(matched + ".interceptions_by_initiator WHERE initiator_id = ? AND day = ? "
                + "AND started_at >= ? AND started_at < ?");
    }

    /** How many interceptions match {@code filter} on {@code day}, within its range; not for a session's search. */
    CompletableFuture<Long> count(SearchFilter filter, LocalDate day) {
        Instant from = DayCounts.from(day, filter);
        Instant to = DayCounts.to(day, filter);
        BoundStatement statement = filter.initiator().isPresent()
                ? initiatorDayBetween.bind(filter.initiator().get(), day, from, to) : dayBetween.bind(day, from, to);
        return AsyncRows.sum(session.executeAsync(statement.setPageSize(5000)), row -> matches(filter,
                row.getString("provider"), row.getString("provider_name"), row.getString("model"), row.getString("client"))
                ? 1 : 0);
    }

    /** Every interception of one person's session, oldest first. */
    @Override
    public List<InterceptionRow> ofSession(String sessionId, String initiatorId) {
        return session.execute(whole.bind(sessionId, initiatorId)).all().stream().map(InterceptionRow::of).toList();
    }

    /**
     * The interceptions matching {@code filter} (initiator resolved to a user id), newest first, after {@code after}
     * if given. {@code fetch} is how many rows to ask Cassandra for at a time.
     */
    @Override
    public Stream<InterceptionRow> rows(SearchFilter filter, Optional<After> after, int fetch) {
        if (filter.sessionId().isPresent()) {
            String sessionId = filter.sessionId().get();
            List<String> initiators = filter.initiator().map(List::of).orElseGet(() -> initiatorsOf(sessionId));
            Stream<InterceptionRow> rows = initiators.stream()
                    .flatMap(initiator -> partition(bySession, filter, after, fetch, sessionId, initiator));
            // A session is normally one person's; when several share a client session id their rows are merged.
            return initiators.size() == 1 ? rows : rows.sorted(NEWEST_FIRST);
        }
        Optional<LocalDate> last = after.map(a -> ActiveDays.day(a.startedAt()));
        List<BoundStatement> reads = days.matching(filter).stream()
                .filter(day -> last.isEmpty() || !day.isAfter(last.get()))
                .map(day -> filter.initiator().isPresent()
                        ? read(byInitiator, filter, after, fetch, filter.initiator().get(), day)
                        : read(byDay, filter, after, fetch, day))
                .toList();
        return PartitionWalk.of(session, reads).flatMap(rows -> matching(rows, filter));
    }

    private List<String> initiatorsOf(String sessionId) {
        return session.execute(sessionInitiators.bind(sessionId)).all().stream()
                .map(r -> r.getString("initiator_id")).toList();
    }

    private Stream<InterceptionRow> partition(Table table, SearchFilter filter, Optional<After> after, int fetch,
                                              Object... key) {
        Iterable<Row> rows = session.execute(read(table, filter, after, fetch, key));
        return matching(StreamSupport.stream(rows.spliterator(), false), filter);
    }

    private static BoundStatement read(Table table, SearchFilter filter, Optional<After> after, int fetch, Object... key) {
        BoundStatement statement = after.isPresent()
                ? table.after.bind(Terms.bounded(key, after.get().startedAt(), after.get().id()))
                : table.before.bind(Terms.bounded(key, filter.startedBefore().orElse(END_OF_TIME)));
        return statement.setPageSize(fetch);
    }

    // A partition's rows come newest first, so the first one before the range ends the partition's part.
    private static Stream<InterceptionRow> matching(Stream<Row> rows, SearchFilter filter) {
        Instant from = filter.startedAfter().orElse(Instant.MIN);
        return rows.map(InterceptionRow::of)
                .takeWhile(r -> !r.startedAt().isBefore(from))
                .filter(r -> matches(filter, r));
    }

    private static boolean matches(SearchFilter f, InterceptionRow r) {
        return matches(f, r.provider(), r.providerName(), r.model(), r.client())
                && Terms.is(f.sessionId(), r.sessionId()) && Terms.is(f.initiator(), r.initiatorId());
    }

    private static boolean matches(SearchFilter f, String provider, String providerName, String model, String client) {
        return Terms.is(f.provider(), provider) && Terms.is(f.providerName(), providerName) && Terms.is(f.model(), model)
                && Terms.is(f.client(), client);
    }

    /** The two reads of one listing table: from a start time down, and after a row. */
    private record Table(PreparedStatement before, PreparedStatement after) {
        Table(CqlSession session, String fromWhere, String order) {
            this(session.prepare("SELECT * FROM " + fromWhere + " AND started_at < ?" + order),
                    session.prepare("SELECT * FROM " + fromWhere + " AND (started_at, interception_id) < (?, ?)" + order));
        }
    }
}
