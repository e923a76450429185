package dev.aigw.gateway.sink;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** A record handed to the producer and not yet settled; completed on the producer's thread, read on the sink's. */
final class InFlight implements Callback {
    private final SpoolRecord record;
    private final long sentAt;
    private Spool.Spooled spooled;
    private volatile boolean completed;
    private volatile Exception error;

    InFlight(SpoolRecord record, long sentAt) {
        this.record = record;
        this.sentAt = sentAt;
    }

    InFlight(Spool.Spooled spooled, long sentAt) {
        this(spooled.record(), sentAt);
        this.spooled = spooled;
    }

    SpoolRecord record() {
        return record;
    }

    /** When it was handed over, in {@link System#nanoTime()}. */
    long sentAt() {
        return sentAt;
    }

    /** Where it lies in the spool; null while it is only in memory. */
    Spool.Spooled spooled() {
        return spooled;
    }

    void spooledAs(Spool.Spooled where) {
        this.spooled = where;
    }

    boolean completed() {
        return completed;
    }

    /** Why Kafka did not take it; null when it did. */
    Exception error() {
        return error;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        error = exception;
        completed = true;
    }
}
