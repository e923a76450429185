package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Distinct values seen in interceptions, for filter menus, from {@code filter_values} (everyone) or
 * {@code filter_values_by_initiator} (one person): one partition per kind, a row per value and day.
 */
public final class FilterValues implements FilterValueReads {
    /** What a menu lists; the names are the {@code kind} values in the tables. */
    public enum Kind { PROVIDER, PROVIDER_NAME, MODEL, CLIENT }

    private final CqlSession session;
    private final PreparedStatement all;
    private final PreparedStatement of;

    /** Prepares the reads against the keyspace. */
    public FilterValues(CqlSession session, String keyspace) {
        this.session = session;
        all = session.prepare("SELECT value FROM " + keyspace + ".filter_values WHERE kind = ?");
        of = session.prepare("SELECT value FROM " + keyspace + ".filter_values_by_initiator WHERE initiator_id = ? AND kind = ?");
    }

    /** The values of a kind, sorted, seen in anyone's interceptions or only in one person's. */
    @Override
    public List<String> distinct(Kind kind, Optional<String> initiator) {
        String name = kind.name().toLowerCase(Locale.ROOT);
        TreeSet<String> values = new TreeSet<>();
        for (Row row : session.execute(initiator.map(i -> of.bind(i, name)).orElseGet(() -> all.bind(name)))) {
            values.add(row.getString("value"));
        }
        return List.copyOf(values);
    }
}
