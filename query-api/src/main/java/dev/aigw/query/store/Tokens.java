package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.Row;

/**
 * Token counts by type, as the recorder sums them.
 *
 * @param input      input tokens not read from the cache
 * @param output     output tokens
 * @param cacheRead  input tokens read from the provider's cache
 * @param cacheWrite input tokens written to the provider's cache
 * @param reasoning  output tokens spent on reasoning (part of output)
 */
public record Tokens(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
    /** No tokens. */
    public static final Tokens ZERO = new Tokens(0, 0, 0, 0, 0);

    /** The token columns of a row; a missing value counts as 0. */
    static Tokens of(Row row) {
        return new Tokens(row.getLong("input_tokens"), row.getLong("output_tokens"), row.getLong("cache_read_input_tokens"),
                row.getLong("cache_write_input_tokens"), row.getLong("reasoning_tokens"));
    }

    /** The sum of both. */
    public Tokens plus(Tokens other) {
        return new Tokens(input + other.input, output + other.output, cacheRead + other.cacheRead,
                cacheWrite + other.cacheWrite, reasoning + other.reasoning);
    }
}
