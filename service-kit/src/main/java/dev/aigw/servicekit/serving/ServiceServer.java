package dev.aigw.servicekit.serving;

import dev.aigw.servicekit.metrics.ServiceMetrics;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A service's HTTP server built the one way every service's is: {@code /health/live} and {@code /health/ready} with
 * the checks' details (503 while a check is down), {@code GET /metrics} in the Prometheus text format, no shutdown
 * hook of Helidon's own (the service's, installed by {@link ServiceMain}, stops the server first and then what it
 * feeds; Helidon's would race it), and a listener that could not bind failing the start ({@link Listening}).
 */
public final class ServiceServer {
    private final WebServerConfig.Builder server;
    private final Supplier<String> scrape;
    private final HealthObserverConfig.Builder health = HealthObserver.builder().endpoint("/health").details(true);
    private Consumer<HttpRouting.Builder> routes = routing -> { };

    private ServiceServer(WebServerConfig.Builder server, Supplier<String> scrape) {
        this.server = server;
        this.scrape = scrape;
    }

    /**
     * A server on {@code host:port} (0 = ephemeral) answering {@code /metrics} with {@code scrape}: the service's
     * {@link ServiceMetrics#scrape()}, through whatever wraps it.
     */
    public static ServiceServer builder(String host, int port, Supplier<String> scrape) {
        return new ServiceServer(WebServer.builder().host(host).port(port), scrape);
    }

    /** Sets what is particular to this service's listener: its wire, limits and socket options. */
    public ServiceServer listener(Consumer<WebServerConfig.Builder> listener) {
        listener.accept(server);
        return this;
    }

    /** Adds a check to {@code /health/ready}. */
    public ServiceServer readiness(String name, Supplier<HealthCheckResponse> check) {
        health.addCheck(check, HealthCheckType.READINESS, name);
        return this;
    }

    /** Adds a check to {@code /health/live}. */
    public ServiceServer liveness(String name, Supplier<HealthCheckResponse> check) {
        health.addCheck(check, HealthCheckType.LIVENESS, name);
        return this;
    }

    /** The service's own routes and filters, added after {@code /metrics}. */
    public ServiceServer routing(Consumer<HttpRouting.Builder> routes) {
        this.routes = routes;
        return this;
    }

    /** Starts the server; throws when its listener could not bind. */
    public WebServer start() {
        return Listening.start(server
                .shutdownHook(false)
                .addFeature(ObserveFeature.just(health.build()))
                .routing(routing -> {
                    routing.get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, ServiceMetrics.CONTENT_TYPE)
                            .send(scrape.get()));
                    routes.accept(routing);
                }));
    }
}
