package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.query.search.SearchFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Usage matching a search, as rows per person, provider instance, model and day. Whole days inside the search's time
 * range come from the rollups ({@code usage_by_day} for everyone, {@code usage_by_initiator} for one person); a day the
 * range cuts, and any search by client or session (which the rollups do not break down), is summed from the
 * interception listings instead, so totals are exact for any range.
 */
public final class Usage {
    private static final int FETCH = 5000;

    private final CqlSession session;
    private final ActiveDays days;
    private final InterceptionLists lists;
    private final PreparedStatement byDay;
    private final PreparedStatement byInitiator;

    /** Prepares the rollup reads against the keyspace. */
    public Usage(CqlSession session, String keyspace, ActiveDays days, InterceptionLists lists) {
        this.session = session;
        this.days = days;
        this.lists = lists;
        byDay = session.prepare("SELECT * FROM " + keyspace + ".usage_by_day WHERE day = ?");
        byInitiator = session.prepare("SELECT * FROM " + keyspace + ".usage_by_initiator WHERE initiator_id = ? AND day = ?");
    }

    /** Usage rows of the interceptions matching {@code filter} (initiator resolved to a user id). */
    public Stream<UsageRow> rows(SearchFilter filter) {
        if (filter.client().isPresent() || filter.sessionId().isPresent()) {
            return lists.rows(filter, Optional.empty(), FETCH).map(UsageRow::of);
        }
        return days.matching(filter).stream().flatMap(day -> whole(day, filter) ? rollup(filter, day)
                : lists.rows(filter.within(Optional.of(latest(filter.startedAfter(), start(day))),
                        Optional.of(earliest(filter.startedBefore(), start(day.plusDays(1))))), Optional.empty(), FETCH)
                        .map(UsageRow::of));
    }

    /** How many interceptions match {@code filter}. */
    public long interceptions(SearchFilter filter) {
        return rows(filter).mapToLong(UsageRow::interceptions).sum();
    }

    private Stream<UsageRow> rollup(SearchFilter filter, LocalDate day) {
        Iterable<Row> rows = session.execute((filter.initiator().isPresent()
                ? byInitiator.bind(filter.initiator().get(), day) : byDay.bind(day)).setPageSize(FETCH));
        return StreamSupport.stream(rows.spliterator(), false).map(UsageRow::of)
                .filter(u -> InterceptionLists.is(filter.provider(), u.provider())
                        && InterceptionLists.is(filter.providerName(), u.providerName())
                        && InterceptionLists.is(filter.model(), u.model()));
    }

    private static boolean whole(LocalDate day, SearchFilter filter) {
        return filter.startedAfter().map(a -> !a.isAfter(start(day))).orElse(true)
                && filter.startedBefore().map(b -> !b.isBefore(start(day.plusDays(1)))).orElse(true);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant latest(Optional<Instant> a, Instant b) {
        return a.filter(x -> x.isAfter(b)).orElse(b);
    }

    private static Instant earliest(Optional<Instant> a, Instant b) {
        return a.filter(x -> x.isBefore(b)).orElse(b);
    }
}
