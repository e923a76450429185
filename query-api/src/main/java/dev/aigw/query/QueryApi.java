package dev.aigw.query;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.AuditVerifyService;
import dev.aigw.query.http.AuditViews;
import dev.aigw.query.http.ApiErrors;
import dev.aigw.query.http.KeysService;
import dev.aigw.query.http.OpenApiService;
import dev.aigw.query.http.ProvidersService;
import dev.aigw.query.http.RequestGuard;
import dev.aigw.query.http.RequestMetrics;
import dev.aigw.query.store.ChainReads;
import dev.aigw.query.verify.ChainVerifier;
import dev.aigw.control.ControlPlane;
import dev.aigw.control.ProviderSettings;
import dev.aigw.servicekit.cassandra.CassandraSessions;
import dev.aigw.servicekit.metrics.ServiceMetrics;
import dev.aigw.servicekit.serving.ServiceServer;
import dev.aigw.servicekit.wire.StrictHttp1;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1Config;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** A running query API: HTTP server, Cassandra session and metrics, stopped together. */
public final class QueryApi implements AutoCloseable {
    /** Where the audit views are mounted: the reference's old and new prefixes. */
    public static final List<String> AUDIT_PREFIXES = List.of("/api/v2/aibridge", "/api/v2/ai-gateway");
    private static final Duration READY = Duration.ofSeconds(60);
    // Helidon's defaults, set here so that the answers and docs/query-api.md can name them.
    private static final int MAX_REQUEST_LINE_BYTES = 4096;
    private static final int MAX_HEADER_BYTES = 16384;

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

    /** Starts the API on the system clock. */
    public static QueryApi start(QueryConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Reads both control topics to their end, connects to Cassandra and starts serving; {@code clock} dates keys and
     * tells past days from today.
     */
    public static QueryApi start(QueryConfig config, Clock clock) {
        ControlPlane<ProviderSettings> control = ControlPlane.start(config.control(), Function.identity());
        try {
            control.awaitReady(READY);
            return start(config, clock, control);
        } catch (RuntimeException e) {
            control.close();
            throw e;
        }
    }

    private static QueryApi start(QueryConfig config, Clock clock, ControlPlane<ProviderSettings> control) {
        AdminAuth auth = new AdminAuth(config.adminToken(), control.keys()::get, clock);
        var keys = new KeysService(control, auth, clock, config.keyMaxLifetime());
        var providers = new ProvidersService(control, auth);
        CqlSession session = CassandraSessions.open(config.cassandra(), config.readConsistency());
        List<HttpService> audit = AuditViews.create(config, auth, () -> control.keys().snapshot().values(), session, clock);
        var verify = new AuditVerifyService(auth, config.signingKey().map(ChainVerifier::new),
                new ChainReads(session, config.cassandra().keyspace()), clock);
        ServiceMetrics metrics = ServiceMetrics.create();
        WebServer server = ServiceServer.builder(config.host(), config.port(), metrics::scrape)
                .readiness("control-plane", () -> HealthCheckResponse.builder().status(control.ready()).build())
                .readiness("cassandra", () -> cassandra(session))
                .listener(listener -> listener(listener, config))
                .routing(r -> {
                    r.addFilter(new RequestMetrics(metrics.registry()));
                    routing(r, audit, List.of(keys, providers, verify));
                })
                .start();
        return new QueryApi(session, control, server, metrics);
    }

    /**
     * The listener's limits and the answers to requests refused outside the routes, each in the API's
     * error shape: 413 over the body limit, 414 over the request line's, 431 over the headers', and the strict wire's
     * answers to request lines it refuses (a lowercase or unknown method, any version but HTTP/1.1).
     */
    static WebServerConfig.Builder listener(WebServerConfig.Builder server, QueryConfig config) {
        Http1Config http1 = Http1Config.builder().maxPrologueLength(MAX_REQUEST_LINE_BYTES).maxHeadersSize(MAX_HEADER_BYTES)
                .build();
        return server.maxPayloadSize(config.maxBodyBytes())
                // Helidon's HTTP/1.1 behind the strict wire, as the only protocol (docs/bad-input.md).
                .protocols(List.of())
                .addConnectionSelector(StrictHttp1.create(http1, ApiErrors::wire))
                // Hands Helidon's reasons to the direct handlers, which read them to choose the answer (never echo them).
                .errorHandling(ErrorHandling.builder().includeEntity(true).build())
                .directHandlers(ApiErrors.transport(new ApiErrors.Limits(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES,
                        config.maxBodyBytes())))
                // A page leaves in several segments; with Nagle on, the last waits for a delayed ACK (~40 ms).
                .connectionOptions(o -> o.tcpNoDelay(true));
    }

    // Up while the driver holds a connection to some node; it reconnects by itself.
    private static HealthCheckResponse cassandra(CqlSession session) {
        long up = session.getMetadata().getNodes().values().stream().filter(n -> n.getState() == NodeState.UP).count();
        return HealthCheckResponse.builder().status(up > 0).detail("nodes_up", up).build();
    }

    /** Every route of the API: the audit views under both prefixes, administration under {@code /api/v2}, OpenAPI. */
    static void routing(HttpRouting.Builder routing, List<HttpService> audit, List<HttpService> admin) {
        routing.addFilter(new RequestGuard());
        AUDIT_PREFIXES.forEach(prefix -> routing.register(prefix, audit.toArray(HttpService[]::new)));
        routing.register("/api/v2", admin.toArray(HttpService[]::new)).register(new OpenApiService());
        ApiErrors.register(routing);
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
