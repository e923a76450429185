package dev.aigw.gateway.metrics;

import dev.aigw.events.v1.InterceptionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters that interceptions of one set of labels feed. They are found once per set, not per request: building
 * tags and looking meters up took an eighth of the gateway's CPU at saturation.
 */
final class InterceptionMeters {
    private final GatewayMetrics metrics;
    private final Tags model;
    private final Tags counted;
    private final Tags outcome;
    private final AtomicLong inFlight;
    private final Timer duration;
    private final RelayTimers relay;
    private final Counter prompts;
    private final ConcurrentMap<String, Counter> tokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<InterceptionStatus, Counter> outcomes = new ConcurrentHashMap<>();

    /**
     * @param model    provider and model
     * @param person   client, and the user id when per-person labels are on
     * @param request  route and method
     * @param relay    the time to first byte and overhead timers of this provider, route and streaming
     * @param inFlight the gauge of this provider, model and route
     */
    InterceptionMeters(GatewayMetrics metrics, Tags model, Tags person, Tags request, RelayTimers relay,
                       AtomicLong inFlight) {
        this.metrics = metrics;
        this.model = model;
        this.counted = model.and(person);
        this.outcome = counted.and(request);
        this.relay = relay;
        this.inFlight = inFlight;
        this.duration = metrics.durationTimer(model);
        this.prompts = metrics.counter("prompts", counted);
    }

    AtomicLong inFlight() {
        return inFlight;
    }

    Timer duration() {
        return duration;
    }

    RelayTimers relay() {
        return relay;
    }

    Counter prompts() {
        return prompts;
    }

    Counter outcome(InterceptionStatus status) {
        return outcomes.computeIfAbsent(status,
                s -> metrics.counter("interceptions", outcome.and("status", s.name().toLowerCase(Locale.ROOT))));
    }

    Counter tokens(String type) {
        return tokens.computeIfAbsent(type, t -> metrics.counter("tokens", counted.and("type", t)));
    }

    // Tool calls are rare next to requests, and their names many: they are looked up as they come.
    Counter tool(String name, boolean injected, String server) {
        Tags tags = model.and("name", metrics.tool(name));
        return injected ? metrics.counter("injected_tool_invocations", tags.and("server", server))
                : metrics.counter("non_injected_tool_selections", tags);
    }
}
