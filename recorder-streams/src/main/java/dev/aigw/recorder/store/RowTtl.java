package dev.aigw.recorder.store;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/** The TTL of a row written now that must expire at a given instant. */
public final class RowTtl {
    // Cassandra refuses TTLs above 20 years.
    private static final long MAX_TTL_SECONDS = 630_720_000L;

    private RowTtl() {
    }

    /**
     * Seconds to live for a row written at {@code now} that expires at {@code expiresAt}: 0 (no expiry) when
     * {@code expiresAt} is null, empty when it has passed and the row must not be written. Rounded up, so a row never
     * expires before its time.
     */
    public static OptionalInt seconds(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return OptionalInt.of(0);
        }
        Duration left = Duration.between(now, expiresAt);
        if (left.isNegative() || left.isZero()) {
            return OptionalInt.empty();
        }
        long seconds = left.toSeconds() + (left.toNanosPart() == 0 ? 0 : 1);
        return OptionalInt.of((int) Math.min(seconds, MAX_TTL_SECONDS));
    }
}
