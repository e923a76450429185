package dev.aigw.gateway.metrics;

import dev.aigw.gateway.sink.DeadLetterReason;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The event sink's state, read at each scrape.
 *
 * @param events         events waiting in the spool for Kafka
 * @param bytes          the spool's size in bytes
 * @param dropped        events given up since start (the spool was full), a running count
 * @param refused        interceptions refused with 503 since start (closed mode, spool full), a running count
 * @param deadLettered   events Kafka will never take, kept in the dead letters since start, by reason, running counts
 * @param headWaiting    seconds the spool's oldest record has waited for Kafka; zero while the spool is empty
 * @param headFailures   failed tries in a row to hand the oldest waiting record to Kafka
 */
public record SpoolReadings(LongSupplier events, LongSupplier bytes, LongSupplier dropped, LongSupplier refused,
                            ToLongFunction<DeadLetterReason> deadLettered, DoubleSupplier headWaiting,
                            LongSupplier headFailures) {
}
