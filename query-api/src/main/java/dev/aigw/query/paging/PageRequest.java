package dev.aigw.query.paging;

import java.util.Optional;

/**
 * Which page a listing serves: at most {@code limit} rows, resuming after a cursor or skipping {@code offset} rows.
 *
 * @param limit  rows to return
 * @param after  the cursor to resume after, if any
 * @param offset rows to skip when there is no cursor
 */
public record PageRequest(int limit, Optional<String> after, int offset) {
    /** Limits a listing allows: its default and its largest. */
    public record Limits(int defaultLimit, int maxLimit) {
    }

    /** Reads the raw query parameters; the cursor parameter's name is {@code afterName} ({@code after_id}, …). */
    public static PageRequest of(Optional<String> limit, Optional<String> after, Optional<String> offset, Limits limits,
                                 String afterName) {
        if (after.isPresent() && offset.isPresent()) {
            throw new PagingException(afterName + " and offset cannot be used together");
        }
        int rows = limit.map(raw -> number("limit", raw, 1, limits.maxLimit())).orElse(limits.defaultLimit());
        int skip = offset.map(raw -> number("offset", raw, 0, Integer.MAX_VALUE)).orElse(0);
        Optional<String> cursor = after.filter(c -> !c.isBlank());
        if (after.isPresent() && cursor.isEmpty()) {
            throw new PagingException(afterName + " must not be empty");
        }
        return new PageRequest(rows, cursor, skip);
    }

    private static int number(String name, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, like an out-of-range number.
        }
        throw new PagingException(name + " must be an integer from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                + ", got \"" + raw + "\"");
    }
}
