package dev.aigw.registry;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.logging.Logger;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import dev.aigw.servicekit.serving.Listening;

/** A running registry instance: the HTTP server and the log it follows. */
public final class SchemaRegistryServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SchemaRegistryServer.class.getName());

    private final WebServer server;
    private final SchemaLog log;
    private final URI url;

    private SchemaRegistryServer(WebServer server, SchemaLog log, String host) {
        this.server = server;
        this.log = log;
        // A wildcard address is not something a client can connect to; loopback reaches it from this machine.
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        this.url = URI.create("http://" + (reachable.contains(":") ? "[" + reachable + "]" : reachable) + ":" + server.port());
    }

    /** Reads the schemas topic to its end, then starts serving; returns once it listens. */
    public static SchemaRegistryServer start(RegistryConfig config) {
        requireNonNull(config, "config");
        RegistryState state = new RegistryState();
        return serve(config, state, KafkaSchemaLog.open(config, state::apply));
    }

    /** Serves {@code state}, which {@code log} keeps up to date; closing the server closes the log. */
    static SchemaRegistryServer serve(RegistryConfig config, RegistryState state, SchemaLog log) {
        try {
            SchemaRegistry registry = new SchemaRegistry(state, log);
            WebServer server = Listening.start(WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .featuresDiscoverServices(false)
                    // RegistryMain's hook (service-kit's ServiceMain) closes the server and then the log; Helidon's would
                    // race it.
                    .shutdownHook(false)
                    .routing(routing -> routing(routing, registry, log)));
            SchemaRegistryServer started = new SchemaRegistryServer(server, log, config.host());
            LOG.info(() -> "Schema registry serving on " + started.url() + " from topic " + config.topic());
            return started;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    static void routing(HttpRouting.Builder routing, SchemaRegistry registry, SchemaLog log) {
        routing.register("/subjects", new SubjectsService(registry))
                .register("/schemas", new SchemasService(registry))
                .register("/config", new ConfigService(registry))
                .register("/health", new HealthService(log::ready))
                .error(RegistryException.class, JsonExchange::error);
    }

    /** The port it listens on (the actual one when configured with 0). */
    public int port() {
        return server.port();
    }

    /** The base URL clients use. */
    public URI url() {
        return url;
    }

    /** Stops serving, then stops following the topic. */
    @Override
    public void close() {
        server.stop();
        log.close();
    }
}
