package dev.aigw.query.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every request as {@code coder_ai_gateway_query_request_seconds}, labelled by route pattern (not path, whose
 * ids would make a series per interception), method and status.
 */
public final class RequestMetrics implements Filter {
    private static final String NAME = "coder_ai_gateway_query_request";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    /** Records into {@code registry}. */
    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    // Recorded once sent, so that answers written by error handlers count with their own status.
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        res.whenSent(() -> Timer.builder(NAME)
                .tags("route", req.matchingPattern().orElse("unmatched"), "method", req.prologue().method().text(),
                        "status", Integer.toString(res.status().code()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start)));
        chain.proceed();
    }
}
