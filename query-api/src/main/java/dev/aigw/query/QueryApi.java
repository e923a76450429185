package dev.aigw.query;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.InterceptionsService;
import dev.aigw.query.http.Json;
import dev.aigw.query.http.KeysService;
import dev.aigw.query.http.ProvidersService;
import dev.aigw.query.http.RequestMetrics;
import dev.aigw.query.store.InterceptionReader;
import dev.aigw.schemas.control.ControlPlane;
import dev.aigw.schemas.control.ProviderSettings;
import dev.aigw.schemas.metrics.ServiceMetrics;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/** A running query API: HTTP server, Cassandra session and metrics, stopped together. */
public final class QueryApi implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(60);

    private final CqlSession session;
    private final ControlPlane<ProviderSettings> control;
    private final WebServer server;
    private final ServiceMetrics metrics;

    private QueryApi(CqlSession session, ControlPlane<ProviderSettings> control, WebServer server, ServiceMetrics metrics) {
        this.session = session;
        this.control = control;
        this.server = server;
        this.metrics = metrics;
    }

    /** Reads both control topics to their end, connects to Cassandra and starts serving. */
    public static QueryApi start(QueryConfig config) {
        ControlPlane<ProviderSettings> control = ControlPlane.start(config.control(), Function.identity());
        try {
            control.awaitReady(READY);
            return start(config, control);
        } catch (RuntimeException e) {
            control.close();
            throw e;
        }
    }

    private static QueryApi start(QueryConfig config, ControlPlane<ProviderSettings> control) {
        AdminAuth auth = new AdminAuth(config.adminToken(), control.keys()::get, Clock.systemUTC());
        var keys = new KeysService(control, auth, Clock.systemUTC());
        var providers = new ProvidersService(control, auth);
        CqlSession session = CqlSession.builder()
                .addContactPoints(config.cassandraContactPoints())
                .withLocalDatacenter(config.cassandraLocalDc())
                .build();
        var interceptions = new InterceptionsService(
                new InterceptionReader(session, config.keyspace(), Clock.systemUTC(), config.lookbackDays()),
                auth);
        ServiceMetrics metrics = ServiceMetrics.create();
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .addFeature(ObserveFeature.just(HealthObserver.builder().endpoint("/health").details(true)
                        .addCheck(() -> HealthCheckResponse.builder().status(control.ready()).build(),
                                HealthCheckType.READINESS, "control-plane")
                        .addCheck(() -> cassandra(session), HealthCheckType.READINESS, "cassandra")
                        .build()))
                .routing(r -> {
                    r.addFilter(new RequestMetrics(metrics.registry()))
                            .get("/metrics", (req, res) -> res.header(HeaderNames.CONTENT_TYPE, ServiceMetrics.CONTENT_TYPE)
                                    .send(metrics.scrape()))
                            .register("/api/v2/aibridge", interceptions).register("/api/v2/ai-gateway", interceptions)
                            .register("/api/v2", keys, providers);
                    Json.registerErrors(r);
                })
                .build()
                .start();
        return new QueryApi(session, control, server, metrics);
    }

    // Up while the driver holds a connection to some node; it reconnects by itself.
    private static HealthCheckResponse cassandra(CqlSession session) {
        long up = session.getMetadata().getNodes().values().stream().filter(n -> n.getState() == NodeState.UP).count();
        return HealthCheckResponse.builder().status(up > 0).detail("nodes_up", up).build();
    }

    /** The port the API listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        session.close();
        control.close();
        metrics.close();
    }
}
