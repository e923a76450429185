package dev.aigw.bench.mock;

import java.time.Duration;

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
}
