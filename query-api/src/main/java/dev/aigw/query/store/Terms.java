package dev.aigw.query.store;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Matching a row against a search's terms (an absent term matches anything), and binding a partition's reads. */
final class Terms {
    private Terms() {
    }

    /** Whether the row's value is the one asked for. */
    static boolean is(Optional<String> wanted, String actual) {
        return wanted.isEmpty() || wanted.get().equals(actual);
    }

    /** Whether the row's values include the one asked for. */
    static boolean has(Optional<String> wanted, Set<String> values) {
        return wanted.isEmpty() || values.contains(wanted.get());
    }

    /** A partition's key values followed by the values bounding the read within it. */
    static Object[] bounded(Object[] key, Object... bounds) {
        Object[] values = Arrays.copyOf(key, key.length + bounds.length);
        System.arraycopy(bounds, 0, values, key.length, bounds.length);
        return values;
    }
}
