package dev.aigw.gateway.metrics;

import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.gateway.config.MetricsConfig;
import dev.aigw.gateway.sink.DeadLetterReason;
import dev.aigw.servicekit.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The gateway's meters, under {@value #PREFIX} with the reference's names and labels (see {@code docs/metrics.md}).
 * Labels hold provider names, models, routes, clients, tool names and, only when configured, user ids: never a
 * credential.
 */
public final class GatewayMetrics implements AutoCloseable {
    static final String PREFIX = "coder_ai_gateway_";
    private static final int MAX_MODELS = 100;
    private static final int MAX_TOOLS = 200;
    private static final Duration[] DURATION_BUCKETS = seconds(0.5, 2, 5, 15, 30, 60, 120);
    private static final Duration[] FIRST_BYTE_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    private static final Duration[] OVERHEAD_BUCKETS = seconds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
            0.025, 0.05, 0.1, 0.25);

    private final ServiceMetrics service;
    private final MeterRegistry registry;
    private final boolean perPersonLabels;
    private final BoundedValues models = new BoundedValues(MAX_MODELS);
    private final BoundedValues tools = new BoundedValues(MAX_TOOLS);
    private final ConcurrentMap<Tags, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentMap<Labels, InterceptionMeters> interceptions = new ConcurrentHashMap<>();
    private final ConcurrentMap<List<String>, PassthroughMeters> passthroughs = new ConcurrentHashMap<>();
    // Meters hold their source weakly; the suppliers are often method references that nothing else holds.
    private volatile SpoolReadings spool;

    private GatewayMetrics(ServiceMetrics service, boolean perPersonLabels) {
        this.service = service;
        this.registry = service.registry();
        this.perPersonLabels = perPersonLabels;
    }

    /** A registry with the JVM meters and, as traffic comes, the gateway's. */
    public static GatewayMetrics create(MetricsConfig config) {
        return new GatewayMetrics(ServiceMetrics.create(), config.perPersonLabels());
    }

    /** Starts metering an interception that is about to be recorded as {@code started}; close it when handled. */
    public InterceptionMeter interception(InterceptionStarted started, String method) {
        Labels labels = new Labels(started.getProviderName(), models.of(started.getModel()), started.getClient(),
                perPersonLabels ? started.getInitiatorId() : null, started.getRoute(), method, started.getStreaming());
        return new InterceptionMeter(interceptions.computeIfAbsent(labels, this::meters));
    }

    /** Counts one passthrough request and records its time to first byte and overhead. */
    public void passthrough(String provider, String route, String method, Overhead overhead) {
        PassthroughMeters meters = passthroughs.computeIfAbsent(List.of(provider, route, method), key -> {
            Tags relay = Tags.of("provider", provider, "route", route, "streaming", "false");
            return new PassthroughMeters(counter("passthrough", Tags.of("provider", provider, "route", route,
                    "method", method)), relayTimers(relay));
        });
        meters.requests().increment();
        meters.relay().record(overhead);
    }

    /** Reports the event sink's spool and producer at every scrape. */
    public void bindSpool(SpoolReadings spool) {
        this.spool = spool;
        gauge("spool_events", spool.events());
        gauge("spool_bytes", spool.bytes());
        runningCount("events_dropped", spool.dropped());
        runningCount("interceptions_refused", spool.refused());
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            ToDoubleFunction<ToLongFunction<DeadLetterReason>> read = counts -> counts.applyAsLong(reason);
            FunctionCounter.builder(PREFIX + "events_dead_lettered", spool.deadLettered(), read)
                    .tags("reason", reason.label()).register(registry);
        }
        ToDoubleFunction<DoubleSupplier> seconds = DoubleSupplier::getAsDouble;
        Gauge.builder(PREFIX + "spool_head_waiting_seconds", spool.headWaiting(), seconds).register(registry);
        gauge("spool_head_failures", spool.headFailures());
    }

    /** Every meter in the Prometheus text format. */
    public String scrape() {
        return service.scrape();
    }

    @Override
    public void close() {
        service.close();
    }

    Counter counter(String name, Tags tags) {
        return registry.counter(PREFIX + name, tags);
    }

    String tool(String name) {
        return tools.of(name);
    }

    Timer durationTimer(Tags tags) {
        return Timer.builder(PREFIX + "interceptions_duration").tags(tags).serviceLevelObjectives(DURATION_BUCKETS)
                .register(registry);
    }

    private InterceptionMeters meters(Labels labels) {
        Tags model = Tags.of("provider", labels.provider(), "model", labels.model());
        Tags person = labels.initiatorId() == null ? Tags.of("client", labels.client())
                : Tags.of("client", labels.client(), "initiator_id", labels.initiatorId());
        Tags route = Tags.of("route", labels.route());
        AtomicLong current = inFlight.computeIfAbsent(model.and(route), tags -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(PREFIX + "interceptions_inflight", value, AtomicLong::get).tags(tags).register(registry);
            return value;
        });
        RelayTimers relay = relayTimers(route.and("provider", labels.provider(), "streaming",
                Boolean.toString(labels.streaming())));
        return new InterceptionMeters(this, model, person, route.and("method", labels.method()), relay, current);
    }

    private RelayTimers relayTimers(Tags tags) {
        return new RelayTimers(
                Timer.builder(PREFIX + "time_to_first_byte").tags(tags).serviceLevelObjectives(FIRST_BYTE_BUCKETS)
                        .register(registry),
                Timer.builder(PREFIX + "overhead").tags(tags).serviceLevelObjectives(OVERHEAD_BUCKETS)
                        .register(registry));
    }

    private void gauge(String name, LongSupplier value) {
        ToDoubleFunction<LongSupplier> read = LongSupplier::getAsLong;
        Gauge.builder(PREFIX + name, value, read).register(registry);
    }

    private void runningCount(String name, LongSupplier value) {
        ToDoubleFunction<LongSupplier> read = LongSupplier::getAsLong;
        FunctionCounter.builder(PREFIX + name, value, read).register(registry);
    }

    private static Duration[] seconds(double... values) {
        Duration[] buckets = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            buckets[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return buckets;
    }

    /** The labels that pick an interception's meters; the user id is null unless per-person labels are on. */
    private record Labels(String provider, String model, String client, String initiatorId, String route,
                          String method, boolean streaming) {
    }

    private record PassthroughMeters(Counter requests, RelayTimers relay) {
    }
}
