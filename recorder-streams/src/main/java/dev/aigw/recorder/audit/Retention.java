package dev.aigw.recorder.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How long audit rows live: a row about something that started at {@code t} expires at {@code t + period}.
 *
 * @param period the retention; zero keeps rows forever
 */
public record Retention(Duration period) {
    /** When rows about something that started at {@code start} expire, or null when they never do. */
    public Instant expiresAt(Instant start) {
        return period.isZero() ? null : start.plus(period);
    }

    /** When rows about a whole UTC day expire: with the last interceptions that can have started on it. */
    public Instant expiresAt(LocalDate day) {
        return expiresAt(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Whether rows about something that started at {@code start} have expired by {@code now}. */
    public boolean isOver(Instant start, Instant now) {
        Instant expiry = expiresAt(start);
        return expiry != null && !expiry.isAfter(now);
    }
}
