package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.aigw.query.search.SearchFilter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Usage matching a search, as rows per person, provider instance, model and day. Whole days inside the search's time
 * range come from the rollups ({@code usage_by_day} for everyone, {@code usage_by_initiator} for one person); a day the
 * range cuts, and any search by client or session (which the rollups do not break down), is summed from the
 * interception listings instead, so totals are exact for any range.
 */
public final class Usage implements UsageReads {
    private static final int FETCH = 5000;

    private final CqlSession session;
    private final ActiveDays days;
    private final InterceptionLists lists;
    private final DayCounts counts;
    private final PreparedStatement byDay;
    private final PreparedStatement byInitiator;

    /** Prepares the rollup reads against the keyspace. */
    public Usage(CqlSession session, String keyspace, ActiveDays days, InterceptionLists lists, DayCounts counts) {
        this.session = session;
        this.days = days;
        this.lists = lists;
        this.counts = counts;
        byDay = session.prepare("SELECT * FROM " + keyspace + ".usage_by_day WHERE day = ?");
        byInitiator = session.prepare("SELECT * FROM " + keyspace + ".usage_by_initiator WHERE initiator_id = ? AND day = ?");
    }

    /** Usage rows of the interceptions matching {@code filter} (initiator resolved to a user id). */
    @Override
    public Stream<UsageRow> rows(SearchFilter filter) {
        if (filter.client().isPresent() || filter.sessionId().isPresent()) {
            return lists.rows(filter, Optional.empty(), FETCH).map(UsageRow::of);
        }
        return days.matching(filter).stream().flatMap(day -> DayCounts.whole(day, filter)
                ? StreamSupport.stream(session.execute(rollup(filter, day)).spliterator(), false).map(UsageRow::of)
                        .filter(u -> matches(filter, u))
                : lists.rows(filter.within(Optional.of(DayCounts.from(day, filter)), Optional.of(DayCounts.to(day, filter))),
                        Optional.empty(), FETCH).map(UsageRow::of));
    }

    /**
     * How many interceptions match {@code filter}: from the rollups for whole days (but by client, which they do not
     * break down), otherwise by counting the listing's rows; a session's by counting its own.
     */
    @Override
    public long interceptions(SearchFilter filter) {
        if (filter.sessionId().isPresent()) {
            return lists.rows(filter, Optional.empty(), FETCH).count();
        }
        return counts.total("interceptions", filter, days.matching(filter), day -> filter.client().isEmpty()
                && DayCounts.whole(day, filter)
                ? AsyncRows.sum(session.executeAsync(rollup(filter, day)),
                        row -> matches(filter, UsageRow.of(row)) ? row.getLong("interceptions") : 0)
                : lists.count(filter, day));
    }

    private BoundStatement rollup(SearchFilter filter, LocalDate day) {
        return (filter.initiator().isPresent() ? byInitiator.bind(filter.initiator().get(), day) : byDay.bind(day))
                .setPageSize(FETCH);
    }

    private static boolean matches(SearchFilter filter, UsageRow u) {
        return Terms.is(filter.provider(), u.provider())
                && Terms.is(filter.providerName(), u.providerName())
                && Terms.is(filter.model(), u.model());
    }

}
