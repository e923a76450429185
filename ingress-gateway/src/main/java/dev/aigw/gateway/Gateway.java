package dev.aigw.gateway;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.config.EventsConfig;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.gateway.config.SpoolConfig;
import dev.aigw.gateway.control.ControlHealth;
import dev.aigw.gateway.control.ProviderSeeder;
import dev.aigw.gateway.control.RoutedProvider;
import dev.aigw.gateway.logging.InterceptionLog;
import dev.aigw.gateway.metrics.GatewayMetrics;
import dev.aigw.gateway.metrics.SpoolReadings;
import dev.aigw.gateway.proxy.ErrorResponses;
import dev.aigw.gateway.proxy.PathGuard;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.gateway.sink.DiscardingSink;
import dev.aigw.gateway.sink.DurableSink;
import dev.aigw.gateway.sink.SinkHealth;
import dev.aigw.schemas.Topics;
import dev.aigw.control.ControlPlane;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.servicekit.serving.ServiceServer;
import dev.aigw.servicekit.wire.StrictHttp1;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/** A running gateway node: HTTP server, event sink and metrics, stopped together. */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
    private static final Duration READY = Duration.ofSeconds(60);

    private final WebServer server;
    private final GatewayRoutes routes;
    private final DurableSink sink;
    private final ControlPlane<RoutedProvider> control;
    private final List<String> providerConflicts;
    private final GatewayMetrics metrics;
    private final Duration drainTime;

    private Gateway(WebServer server, GatewayRoutes routes, DurableSink sink, ControlPlane<RoutedProvider> control,
                    List<String> providerConflicts, GatewayMetrics metrics, Duration drainTime) {
        this.server = server;
        this.routes = routes;
        this.sink = sink;
        this.control = control;
        this.providerConflicts = providerConflicts;
        this.metrics = metrics;
        this.drainTime = drainTime;
    }

    /** Starts a node on the system clock. */
    public static Gateway start(GatewayConfig config) {
        return start(config, Clock.systemUTC());
    }

    /** Starts a node: reads both control topics to their end, seeds providers, then listens; {@code clock} dates keys. */
    public static Gateway start(GatewayConfig config, Clock clock) {
        ControlPlane<RoutedProvider> control = ControlPlane.start(new ControlPlane.Settings(config.events().kafkaBootstrap(),
                config.events().schemaRegistryUrl(), config.control().keysTopic(), config.control().providersTopic(),
                config.control().masterKey(), config.control().replication()), RoutedProvider::of);
        try {
            control.awaitReady(READY);
            List<String> conflicts = ProviderSeeder.seed(control, config.providers(), config.control().reseedProviders());
            return start(config, clock, control, conflicts);
        } catch (RuntimeException e) {
            control.close();
            throw e;
        }
    }

    private static Gateway start(GatewayConfig config, Clock clock, ControlPlane<RoutedProvider> control,
                                 List<String> conflicts) {
        DurableSink durable = sink(config.events(), config.spool());
        try {
            EventSink events = switch (config.events().audit()) {
                case KAFKA -> durable;
                case DISCARD -> {
                    LOG.warning("AUDIT_EVENTS=discard: this node records nothing; use it only to measure the audit's cost");
                    yield new DiscardingSink();
                }
            };
            EventSink sink = config.bridge().structuredLogging() ? InterceptionLog.around(events) : events;
            Authenticator authenticator = new Authenticator(config.control().adminToken(), control.keys()::get, clock);
            GatewayMetrics metrics = GatewayMetrics.create(config.metrics());
            metrics.bindSpool(new SpoolReadings(durable::spooledEvents, durable::spoolBytes, durable::droppedEvents,
                    durable::refusedInterceptions, durable::deadLetteredEvents,
                    () -> durable.headWaiting().toMillis() / 1000.0, durable::headFailures));
            GatewayRoutes routes = GatewayRoutes.create(name -> control.providers().get(name).flatMap(RoutedProvider::route),
                    authenticator, sink, durable, config.nodeId(), config.bridge(), clock, metrics);
            ErrorResponses errors = routes.errors();
            WebServer server = ServiceServer.builder(config.host(), config.port(), metrics::scrape)
                    .readiness(ControlHealth.NAME, () -> ControlHealth.check(control, conflicts))
                    .readiness(SinkHealth.NAME, () -> SinkHealth.check(durable))
                    .listener(listener -> listener
                            .maxPayloadSize(config.bridge().maxBodyBytes())
                            // Without it a relayed SSE event can wait for the client's delayed ACK of the one before
                            // (Nagle).
                            .connectionOptions(o -> o.tcpNoDelay(true))
                            .shutdownGracePeriod(config.drainTime())
                            // Helidon's HTTP/1.1 behind the strict wire, as the only protocol: chunk extensions and
                            // trailers work, lowercase methods and HTTP/1.0 get an answer (docs/bad-input.md).
                            .protocols(List.of())
                            .addConnectionSelector(StrictHttp1.create(Http1Config.builder()
                                    .maxPrologueLength(ErrorResponses.MAX_REQUEST_LINE_BYTES)
                                    .maxHeadersSize(ErrorResponses.MAX_HEADER_BYTES).build(), errors::wireError))
                            // Hands Helidon's reasons to the direct handlers, which read them to choose the answer
                            // (never echo them).
                            .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                            .directHandlers(errors.transportErrors()))
                    .routing(r -> routing(r, routes))
                    .start();
            return new Gateway(server, routes, durable, control, conflicts, metrics, config.drainTime());
        } catch (RuntimeException e) {
            durable.close();
            throw e;
        }
    }

    private static DurableSink sink(EventsConfig events, SpoolConfig spool) {
        SchemaRegistryClient registry = SchemaRegistryClient.create(events.schemaRegistryUrl());
        // Registered now, so the sink's thread serializes from the cache whether or not the registry is up later.
        registry.register(Topics.valueSubject(events.topic()), InterceptionEvent.getClassSchema());
        var serde = WireFormatSerde.create(registry, InterceptionEvent.class);
        return DurableSink.start(events.kafkaBootstrap(), events.topic(), spool, serde.serializer(), System::nanoTime);
    }

    /**
     * The gateway's routes: {@code HEAD /} and the provider routes under both prefixes, intercepted ones first, with the
     * error answers of each ({@code /health} and {@code /metrics} come from the service's server). Tests mount it on a
     * server of their own.
     */
    public static void routing(HttpRouting.Builder routing, GatewayRoutes routes) {
        routing.addFilter(new PathGuard())
                .head("/", (req, res) -> res.send())
                .register("/api/v2/aibridge", routes.intercept(), routes.passthrough())
                .register("/api/v2/ai-gateway", routes.intercept(), routes.passthrough());
        routes.errors().register(routing);
    }

    /** The port the node listens on. */
    public int port() {
        return server.port();
    }

    /** Names of providers whose definition in the environment differs from the topic's, which won. */
    public List<String> providerConflicts() {
        return providerConflicts;
    }

    /** The event sink, for its numbers. */
    public DurableSink sink() {
        return sink;
    }

    /**
     * Stops accepting connections, lets requests in flight finish within the drain time, then sends what the sink holds
     * and leaves what Kafka has not acknowledged in the spool.
     */
    @Override
    public void close() {
        LOG.info("shutting down: no new connections; requests in flight have " + drainTime.toSeconds() + " s to finish");
        server.stop();
        routes.close();
        sink.close();
        control.close();
        metrics.close();
    }
}
