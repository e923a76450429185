package dev.aigw.bench.report;

/**
 * Delay from the end of a response through our gateway to its interception being readable in the query API.
 *
 * @param samples interceptions measured
 * @param missing interceptions still not readable when the wait gave up
 */
public record AuditDelay(int samples, int missing, double p50Millis, double p99Millis, double maxMillis) {
}
