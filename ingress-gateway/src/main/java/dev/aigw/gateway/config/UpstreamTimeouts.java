package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * How long the gateway waits on a provider before it ends the interception as failed.
 *
 * @param connect   to open the connection, TLS handshake included
 * @param firstByte from sending the request to the response's status and headers
 * @param idle      between two reads of the response body (a stalled stream)
 */
public record UpstreamTimeouts(Duration connect, Duration firstByte, Duration idle) {
    /** Defaults: 10 s to connect, 600 s to the first byte (the reference's blocking limit), 300 s idle. */
    public static final UpstreamTimeouts DEFAULTS =
            new UpstreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(600), Duration.ofSeconds(300));

    /** Reads {@code UPSTREAM_CONNECT_TIMEOUT}, {@code UPSTREAM_FIRST_BYTE_TIMEOUT} and {@code UPSTREAM_IDLE_TIMEOUT}. */
    static UpstreamTimeouts from(Settings s, List<String> problems) {
        return new UpstreamTimeouts(positive(s, "UPSTREAM_CONNECT_TIMEOUT", DEFAULTS.connect, problems),
                positive(s, "UPSTREAM_FIRST_BYTE_TIMEOUT", DEFAULTS.firstByte, problems),
                positive(s, "UPSTREAM_IDLE_TIMEOUT", DEFAULTS.idle, problems));
    }

    // A zero timeout would mean "give up at once" to some clients and "never" to others; neither is wanted.
    private static Duration positive(Settings s, String name, Duration defaultValue, List<String> problems) {
        Duration d = s.duration(name, defaultValue, problems);
        if (d.isZero()) {
            problems.add(s.setting(name).orElseThrow().source() + " must be longer than zero");
            return defaultValue;
        }
        return d;
    }
}
