package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.query.search.SearchFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The UTC days on which matching interceptions started, newest first, read from {@code filter_values} (everyone) or
 * {@code filter_values_by_initiator} (one person): a listing reads only those days' partitions, however long the
 * retention. Each lookup reads one small partition: a row per value and day.
 */
public final class ActiveDays {
    private final CqlSession session;
    private final PreparedStatement kind;
    private final PreparedStatement value;
    private final PreparedStatement kindOf;
    private final PreparedStatement valueOf;

    /** Prepares the lookups against the keyspace. */
    public ActiveDays(CqlSession session, String keyspace) {
        this.session = session;
        kind = session.prepare("SELECT day FROM " + keyspace + ".filter_values WHERE kind = ?");
        value = session.prepare("SELECT day FROM " + keyspace + ".filter_values WHERE kind = ? AND value = ?");
        kindOf = session.prepare("SELECT day FROM " + keyspace + ".filter_values_by_initiator "
                + "WHERE initiator_id = ? AND kind = ?");
        valueOf = session.prepare("SELECT day FROM " + keyspace + ".filter_values_by_initiator "
                + "WHERE initiator_id = ? AND kind = ? AND value = ?");
    }

    /**
     * Days with an interception that may match {@code filter} (its initiator, if any, is a user id): the days each of its
     * provider, provider name, model and client was seen, all of them, within its time range.
     */
    public List<LocalDate> matching(SearchFilter filter) {
        Map<String, Optional<String>> values = Map.of("provider", filter.provider(), "provider_name", filter.providerName(),
                "model", filter.model(), "client", filter.client());
        TreeSet<LocalDate> days = null;
        for (var e : values.entrySet()) {
            if (e.getValue().isPresent()) {
                TreeSet<LocalDate> seen = read(filter.initiator(), e.getKey(), e.getValue());
                if (days == null) {
                    days = seen;
                } else {
                    days.retainAll(seen);
                }
            }
        }
        return within(days == null ? read(filter.initiator(), "provider", Optional.empty()) : days, filter);
    }

    /** Days with any interception of the filter's initiator (or anyone's), within its time range. */
    public List<LocalDate> any(SearchFilter filter) {
        return within(read(filter.initiator(), "provider", Optional.empty()), filter);
    }

    private TreeSet<LocalDate> read(Optional<String> initiator, String kindName, Optional<String> valueName) {
        BoundStatement statement = initiator.isPresent()
                ? valueName.isPresent() ? valueOf.bind(initiator.get(), kindName, valueName.get())
                        : kindOf.bind(initiator.get(), kindName)
                : valueName.isPresent() ? value.bind(kindName, valueName.get()) : kind.bind(kindName);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Row row : session.execute(statement)) {
            days.add(row.getLocalDate("day"));
        }
        return days;
    }

    private static List<LocalDate> within(TreeSet<LocalDate> days, SearchFilter filter) {
        LocalDate first = filter.startedAfter().map(ActiveDays::day).orElse(LocalDate.MIN);
        LocalDate last = filter.startedBefore().map(t -> day(t.minusNanos(1))).orElse(LocalDate.MAX);
        List<LocalDate> found = new ArrayList<>(days.subSet(first, true, last, true));
        found.sort(Comparator.reverseOrder());
        return found;
    }

    /** The UTC day of an instant: the partition its interception is listed in. */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
