package dev.aigw.servicekit.streams;

import java.time.Duration;
import java.time.Instant;

/**
 * Keys of per-interception state in a Kafka Streams store, in the order the interceptions started
 * ({@code <start in epoch millis, 13 digits>/<interception id>}), so the state of every interception that started
 * before a cutoff is one range at the front of the store, forgotten without scanning the rest.
 */
public final class StartOrder {
    private static final Duration SHORTEST_SWEEP = Duration.ofMillis(100);
    private static final Duration LONGEST_SWEEP = Duration.ofSeconds(30);

    private StartOrder() {
    }

    /** The key of an interception's state. */
    public static String key(Instant startedAt, String interceptionId) {
        return prefix(startedAt) + "/" + interceptionId;
    }

    /** The end (exclusive) of the range of keys of interceptions that started before {@code cutoff}. */
    public static String before(Instant cutoff) {
        return prefix(cutoff);
    }

    /**
     * How often to look for interceptions overdue after {@code timeout}: a tenth of it, so one is found at most 10%
     * late, but no more often than every 100 ms and at least every 30 s.
     */
    public static Duration sweepInterval(Duration timeout) {
        Duration tenth = timeout.dividedBy(10);
        Duration atLeast = tenth.compareTo(SHORTEST_SWEEP) < 0 ? SHORTEST_SWEEP : tenth;
        return atLeast.compareTo(LONGEST_SWEEP) > 0 ? LONGEST_SWEEP : atLeast;
    }

    // Zero-padded so that the string order of keys is the order of start times (13 digits last until the year 2286).
    private static String prefix(Instant startedAt) {
        String millis = Long.toString(Math.max(0, startedAt.toEpochMilli()));
        return "0".repeat(Math.max(0, 13 - millis.length())) + millis;
    }
}
