package dev.aigw.recorder.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table's insert, prepared once with a named marker per column ({@code :model}) and a TTL, and bound from a
 * {@link Columns} by name, so a value can only land in the column that names it.
 *
 * @param table     the table written, to name it when a write fails
 * @param columns   every column the insert sets; a row must name each of them, and no other
 * @param statement the prepared insert
 */
record Upsert(String table, Set<String> columns, PreparedStatement statement) {
    private static final String TTL = "ttl";

    /** Prepares the insert of {@code columns} into {@code keyspace.table}. */
    static Upsert prepare(CqlSession session, String keyspace, String table, List<String> columns) {
        String cql = "INSERT INTO " + keyspace + "." + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ") USING TTL :" + TTL;
        return new Upsert(table, Set.copyOf(columns), session.prepare(cql));
    }

    /** The insert of {@code row}, expiring in {@code ttl} seconds; its null values are left unset. */
    BoundStatement bind(Columns row, int ttl) {
        if (!row.names().equals(columns)) {
            // A column the row forgot would silently stay unset, and one the insert lacks would be lost: both are bugs.
            throw new IllegalStateException("a row of " + table + " names " + row.names() + ", the insert " + columns);
        }
        BoundStatementBuilder bound = statement.boundStatementBuilder().setInt(TTL, ttl);
        for (String column : row.names()) {
            Object value = row.value(column);
            bound = value == null ? bound.unset(column)
                    : bound.set(column, value, bound.codecRegistry().codecFor(bound.getType(column), value));
        }
        return bound.build();
    }
}
