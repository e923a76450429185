package dev.aigw.recorder.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One row's values by column name. A null value is a column left unset, never written: a written null is a tombstone.
 * Naming a column twice is a mistake in the writer, refused at once rather than letting the second value win.
 */
final class Columns {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** This row with {@code column} set to {@code value} (null: left unset). */
    Columns with(String column, Object value) {
        if (values.containsKey(column)) {
            throw new IllegalArgumentException("column " + column + " is given twice");
        }
        values.put(column, value);
        return this;
    }

    /** This row with every column of {@code more}. */
    Columns with(Columns more) {
        more.values.forEach(this::with);
        return this;
    }

    /** The columns named, in the order they were given. */
    Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The value of {@code column}, or null when it is unset or not named. */
    Object value(String column) {
        return values.get(column);
    }

    /** Every named column's value, null for unset ones. */
    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }
}
