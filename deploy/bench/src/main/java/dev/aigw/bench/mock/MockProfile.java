package dev.aigw.bench.mock;

import java.time.Duration;
import java.util.Objects;

/**
 * How the mock answers: the same for every request until it is changed.
 *
 * @param latency      wait before the status line and headers
 * @param deltas       text deltas of a streamed answer
 * @param gap          wait between two deltas of a streamed answer
 * @param contentBytes length of the answer's text (blocking answers), split over the deltas when streaming
 */
public record MockProfile(Duration latency, int deltas, Duration gap, int contentBytes) {
    /** Answers at once: 0 ms latency, 16 deltas with no gap, 512 bytes of text. */
    public static final MockProfile INSTANT = new MockProfile(Duration.ZERO, 16, Duration.ZERO, 512);

    /** Most deltas a stream may have; every delta is rendered ahead, so this bounds the mock's memory. */
    public static final int MAX_DELTAS = 10_000;

    /** Longest answer text, for the same reason. */
    public static final int MAX_CONTENT_BYTES = 4 << 20;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a duration is negative, there are no deltas or more than
     *                                  {@link #MAX_DELTAS}, or the text is shorter than the number of deltas (each
     *                                  delta carries at least one character) or longer than {@link #MAX_CONTENT_BYTES}
     */
    public MockProfile {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(gap, "gap");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency.toMillis() + " ms");
        }
        if (gap.isNegative()) {
            throw new IllegalArgumentException("gap must not be negative: " + gap.toMillis() + " ms");
        }
        if (deltas < 1 || deltas > MAX_DELTAS) {
            throw new IllegalArgumentException("deltas must be between 1 and " + MAX_DELTAS + ": " + deltas);
        }
        if (contentBytes < deltas || contentBytes > MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("content bytes must be between the number of deltas (" + deltas
                    + ") and " + MAX_CONTENT_BYTES + ": " + contentBytes);
        }
    }

    /** A profile from whole milliseconds, as the command line and the control endpoint give them. */
    public static MockProfile ofMillis(long latencyMs, int deltas, long gapMs, int contentBytes) {
        return new MockProfile(Duration.ofMillis(latencyMs), deltas, Duration.ofMillis(gapMs), contentBytes);
    }
}
