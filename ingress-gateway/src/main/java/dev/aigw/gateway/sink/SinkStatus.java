package dev.aigw.gateway.sink;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/** What the sink's thread last saw, for request threads, health checks and metrics; plus the count of dropped events. */
final class SinkStatus {
    private static final Logger LOG = Logger.getLogger(DurableSink.class.getName());

    private final AtomicLong dropped = new AtomicLong();
    private final Throttle dropLog = new Throttle(Duration.ofMinutes(1));
    private volatile long spooledEvents;
    private volatile long spoolBytes;
    private volatile boolean direct = true;
    private volatile boolean spoolWritable = true;

    void observe(Spool spool) {
        spooledEvents = spool.records();
        spoolBytes = spool.bytes();
        direct = spool.isEmpty();
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
