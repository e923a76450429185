package dev.aigw.query;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.InterceptionsService;
import dev.aigw.query.http.Json;
import dev.aigw.query.store.InterceptionReader;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;

/** A running query API: HTTP server and Cassandra session, stopped together. */
public final class QueryApi implements AutoCloseable {
    private final CqlSession session;
    private final WebServer server;

    private QueryApi(CqlSession session, WebServer server) {
        this.session = session;
        this.server = server;
    }

    /** Connects to Cassandra and starts serving. */
    public static QueryApi start(QueryConfig config) {
        CqlSession session = CqlSession.builder()
                .addContactPoints(config.cassandraContactPoints())
                .withLocalDatacenter(config.cassandraLocalDc())
                .build();
        var interceptions = new InterceptionsService(
                new InterceptionReader(session, config.keyspace(), Clock.systemUTC(), config.lookbackDays()),
                new AdminAuth(config.adminToken()));
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .addFeature(ObserveFeature.just(HealthObserver.builder().endpoint("/health").build()))
                .routing(r -> {
                    r.register("/api/v2/aibridge", interceptions).register("/api/v2/ai-gateway", interceptions);
                    Json.registerErrors(r);
                })
                .build()
                .start();
        return new QueryApi(session, server);
    }

    /** The port the API listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        session.close();
    }
}
