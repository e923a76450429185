package dev.aigw.recorder.audit;

/**
 * Token counts by type, as the provider reported them.
 *
 * @param input      uncached input tokens
 * @param output     output tokens
 * @param cacheRead  input tokens read from the prompt cache
 * @param cacheWrite input tokens written to the prompt cache
 * @param reasoning  part of the output spent on reasoning
 */
public record Tokens(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
    /** No tokens. */
    public static final Tokens ZERO = new Tokens(0, 0, 0, 0, 0);

    /** The sum of both. */
    public Tokens plus(Tokens other) {
        return new Tokens(input + other.input, output + other.output, cacheRead + other.cacheRead,
                cacheWrite + other.cacheWrite, reasoning + other.reasoning);
    }

    /** This minus {@code other}; aggregates use it to take back an interception's previous contribution. */
    public Tokens minus(Tokens other) {
        return new Tokens(input - other.input, output - other.output, cacheRead - other.cacheRead,
                cacheWrite - other.cacheWrite, reasoning - other.reasoning);
    }
}
