package dev.aigw.gateway.sink;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * What the sink's thread last saw, for request threads, health checks and metrics; plus the counts of dropped and
 * dead-lettered events. Times are in the sink's clock ({@link System#nanoTime()} outside tests).
 */
final class SinkStatus {
    private static final Logger LOG = Logger.getLogger(DurableSink.class.getName());

    private final LongSupplier clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLongArray deadLettered = new AtomicLongArray(DeadLetterReason.values().length);
    private final Throttle dropLog = new Throttle(Duration.ofMinutes(1));
    private volatile long spooledEvents;
    private volatile long spoolBytes;
    private volatile boolean direct = true;
    private volatile boolean spoolWritable = true;
    private volatile long headSince;
    private volatile int headFailures;

    SinkStatus(LongSupplier clock) {
        this.clock = clock;
        this.headSince = clock.getAsLong();
    }

    void observe(Spool spool) {
        boolean wasDirect = direct;
        spooledEvents = spool.records();
        spoolBytes = spool.bytes();
        direct = spool.isEmpty();
        if (wasDirect && !direct) {
            headSince = clock.getAsLong();
        }
    }

    /** The spool's oldest record was delivered or dead-lettered: the next one is the head from now. */
    void headMoved() {
        headSince = clock.getAsLong();
    }

    /** Failed tries in a row to hand the oldest record to Kafka. */
    void headFailures(int failures) {
        headFailures = failures;
    }

    void spoolWritable(boolean writable) {
        spoolWritable = writable;
    }

    /** Counts {@code count} events lost; logs the reason at most once a minute. */
    void drop(long count, String why) {
        long total = dropped.addAndGet(count);
        if (dropLog.due()) {
            LOG.severe("audit events dropped: " + why + " (" + total + " dropped since start)");
        }
    }

    /** Counts one record kept in the dead letters; returns how many since start. */
    long deadLettered(DeadLetterReason reason) {
        deadLettered.incrementAndGet(reason.ordinal());
        long total = 0;
        for (int i = 0; i < deadLettered.length(); i++) {
            total += deadLettered.get(i);
        }
        return total;
    }

    long deadLetteredEvents(DeadLetterReason reason) {
        return deadLettered.get(reason.ordinal());
    }

    /** How long the spool's oldest record has been waiting for Kafka; zero while the spool is empty. */
    Duration headWaiting() {
        return direct ? Duration.ZERO : Duration.ofNanos(Math.max(0, clock.getAsLong() - headSince));
    }

    /** Whether the spool's oldest record has waited longer than {@code timeout}; never when it is zero. */
    boolean stalled(Duration timeout) {
        return !timeout.isZero() && headWaiting().compareTo(timeout) > 0;
    }

    int headFailures() {
        return headFailures;
    }

    long spooledEvents() {
        return spooledEvents;
    }

    long spoolBytes() {
        return spoolBytes;
    }

    boolean direct() {
        return direct;
    }

    boolean spoolWritable() {
        return spoolWritable;
    }

    long dropped() {
        return dropped.get();
    }
}
