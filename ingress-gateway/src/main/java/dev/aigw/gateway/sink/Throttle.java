package dev.aigw.gateway.sink;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets a repeated log line through at most once per period, so a full spool does not flood the log. */
final class Throttle {
    private final long periodNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());

    Throttle(Duration period) {
        this.periodNanos = period.toNanos();
    }

    /** Whether the line may be logged now; thread-safe. */
    boolean due() {
        long now = System.nanoTime();
        long due = next.get();
        return now - due >= 0 && next.compareAndSet(due, now + periodNanos);
    }
}
