package dev.aigw.gateway.sink;

import java.time.Duration;

/**
 * When to try Kafka again after a failure that may pass: the pause doubles from {@link #FIRST} with each failure in a
 * row, up to {@link #CAP}, and starts over once Kafka takes a record. Counting the failures in a row is what shows a
 * stuck spool head.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofMillis(100);
    /**
     * A failed try costs the broker nothing (without metadata the producer refuses at once) and is what makes the
     * producer fetch metadata again, so the cap is short: it bounds how long a node waits after Kafka is back.
     */
    static final Duration CAP = Duration.ofSeconds(10);

    private int failures;

    /** Counts a failure; returns the pause before the next try, in nanoseconds. */
    long failed() {
        failures++;
        return Math.min(FIRST.toNanos() << Math.min(failures - 1, 20), CAP.toNanos());
    }

    /** Kafka took a record (or it went to the dead letters): the next failure pauses {@link #FIRST} again. */
    void reset() {
        failures = 0;
    }

    /** Failures in a row since Kafka last took a record. */
    int failures() {
        return failures;
    }
}
