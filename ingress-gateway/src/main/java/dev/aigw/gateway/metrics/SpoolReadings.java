package dev.aigw.gateway.metrics;

import java.util.function.LongSupplier;

/**
 * The event sink's state, read at each scrape.
 *
 * @param events         events waiting in the spool for Kafka
 * @param bytes          the spool's size in bytes
 * @param dropped        events given up since start (the spool was full), a running count
 * @param refused        interceptions refused with 503 since start (closed mode, spool full), a running count
 */
public record SpoolReadings(LongSupplier events, LongSupplier bytes, LongSupplier dropped, LongSupplier refused) {
}
