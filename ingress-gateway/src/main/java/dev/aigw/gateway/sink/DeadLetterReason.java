package dev.aigw.gateway.sink;

import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why Kafka will never take a record, whatever is tried: the record goes to the spool's dead letters and the sink moves
 * on to the next one. Only a failure caused by what this one record holds is such a reason. A failure that would hit
 * every record alike (broker or network down, timeouts, too few in-sync replicas, missing metadata, an authorization
 * the operator has not granted, an unknown error) says nothing about the record: dead-lettering would empty the whole
 * audit into a bounded directory, so those are retried with backoff, and stay loud in readiness and metrics until
 * someone mends the broker or the ACLs.
 */
public enum DeadLetterReason {
    /** Over the producer's {@code max.request.size} or the topic's {@code max.message.bytes}. */
    RECORD_TOO_LARGE,
    /** The broker refused its contents (a record-level validation error, a timestamp out of the topic's range). */
    INVALID_RECORD,
    /** The event could not be encoded at all, so it never had a Kafka form. */
    SERIALIZATION;

    /** The value of the metric's {@code reason} label and of the dead letter's first line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason Kafka will never take a record that failed with {@code error}; empty when trying again may succeed. */
    static Optional<DeadLetterReason> of(Exception error) {
        return switch (error) {
            case RecordTooLargeException e -> Optional.of(RECORD_TOO_LARGE);
            case RecordBatchTooLargeException e -> Optional.of(RECORD_TOO_LARGE);
            case InvalidRecordException e -> Optional.of(INVALID_RECORD);
            case InvalidTimestampException e -> Optional.of(INVALID_RECORD);
            case SerializationException e -> Optional.of(SERIALIZATION);
            case null, default -> Optional.empty();
        };
    }
}
