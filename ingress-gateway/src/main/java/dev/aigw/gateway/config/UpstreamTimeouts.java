package dev.aigw.gateway.config;

import java.time.Duration;

/**
 * How long the gateway waits on a provider before it ends the interception as failed.
 *
 * @param connect   to open the connection
 * @param firstByte from sending the request to the response's status and headers
 * @param idle      between two reads of the response body (a stalled stream)
 */
public record UpstreamTimeouts(Duration connect, Duration firstByte, Duration idle) {
    /** Defaults: 10 s to connect, 600 s to the first byte (the reference's blocking limit), 300 s idle. */
    public static final UpstreamTimeouts DEFAULTS =
            new UpstreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(600), Duration.ofSeconds(300));
}
