package dev.aigw.query;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.AuditViews;
import dev.aigw.query.http.Json;
import dev.aigw.query.http.KeysService;
import dev.aigw.query.http.OpenApiService;
import dev.aigw.query.http.ProvidersService;
import dev.aigw.schemas.control.ControlPlane;
import dev.aigw.schemas.control.ProviderSettings;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** A running query API: HTTP server and Cassandra session, stopped together. */
public final class QueryApi implements AutoCloseable {
    /** Where the audit views are mounted: the reference's old and new prefixes. */
    public static final List<String> AUDIT_PREFIXES = List.of("/api/v2/aibridge", "/api/v2/ai-gateway");
    private static final Duration READY = Duration.ofSeconds(60);

    private final CqlSession session;
    private final ControlPlane<ProviderSettings> control;
    private final WebServer server;

    private QueryApi(CqlSession session, ControlPlane<ProviderSettings> control, WebServer server) {
        this.session = session;
        this.control = control;
        this.server = server;
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
        List<HttpService> audit = AuditViews.create(config, auth, () -> control.keys().snapshot().values(), session);
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                // A page leaves in several segments; with Nagle on, the last waits for a delayed ACK (~40 ms).
                .connectionOptions(o -> o.tcpNoDelay(true))
                .addFeature(ObserveFeature.just(HealthObserver.builder().endpoint("/health").details(true).build()))
                .routing(r -> routing(r, audit, List.of(keys, providers)))
                .build()
                .start();
        return new QueryApi(session, control, server);
    }

    /** Every route of the API: the audit views under both prefixes, administration under {@code /api/v2}, OpenAPI. */
    static void routing(HttpRouting.Builder routing, List<HttpService> audit, List<HttpService> admin) {
        AUDIT_PREFIXES.forEach(prefix -> routing.register(prefix, audit.toArray(HttpService[]::new)));
        routing.register("/api/v2", admin.toArray(HttpService[]::new)).register(new OpenApiService());
        Json.registerErrors(routing);
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
    }
}
