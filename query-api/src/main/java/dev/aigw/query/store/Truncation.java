package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.Row;
import java.util.List;
import java.util.Map;

/**
 * A field the audit keeps cut to its bound (docs/audit-semantics.md, Bounds): its size before the cut and the hash of
 * the original, so the audit still says what was sent and the original can be matched against another copy.
 *
 * @param field          the cut field: {@code prompt}, {@code model}, {@code metadata.<key>}, ...
 * @param originalLength UTF-8 bytes of the original text, or entries of the original map
 * @param sha256         hex SHA-256 of the original text; empty for a map
 */
public record Truncation(String field, long originalLength, String sha256) {
    private static final String COLUMN = "truncated";

    /** The marks of a row's {@code truncated} column ({@code field -> "original_length:sha256"}); none if it has none. */
    static List<Truncation> of(Row r) {
        if (!r.getColumnDefinitions().contains(COLUMN) || r.isNull(COLUMN)) {
            return List.of();
        }
        return of(r.getMap(COLUMN, String.class, String.class));
    }

    /** The marks of a {@code truncated} map, in its order. */
    static List<Truncation> of(Map<String, String> marks) {
        return marks.entrySet().stream().map(Truncation::of).toList();
    }

    private static Truncation of(Map.Entry<String, String> mark) {
        String value = mark.getValue();
        int colon = value.indexOf(':');
        long length = colon < 0 ? -1 : parse(value.substring(0, colon));
        return new Truncation(mark.getKey(), length, colon < 0 ? value : value.substring(colon + 1));
    }

    // The recorder writes digits; a mark it did not write reads as an unknown length rather than failing the read.
    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
