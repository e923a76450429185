package dev.aigw.recorder.store;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** The TTL that makes a row expire at {@code started_at + retention}, so all rows of an interception go together. */
public final class RowTtl {
    // Cassandra refuses TTLs above 20 years.
    private static final long MAX_TTL_SECONDS = 630_720_000L;

    private RowTtl() {
    }

    /**
     * Seconds to live for a row written now, 0 for no expiry (zero retention), or empty when the interception is
     * already past retention and must not be written.
     */
    public static OptionalInt seconds(Instant startedAt, Instant now, Duration retention) {
        if (retention.isZero()) {
            return OptionalInt.of(0);
        }
        long left = Duration.between(now, startedAt.plus(retention)).toSeconds();
        return left <= 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(left, MAX_TTL_SECONDS));
    }
}
