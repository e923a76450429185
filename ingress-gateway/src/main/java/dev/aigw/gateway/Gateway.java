package dev.aigw.gateway;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.gateway.proxy.BridgeService;
import dev.aigw.gateway.proxy.ErrorResponses;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.gateway.sink.KafkaEventSink;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;

/** A running gateway node: HTTP server plus event sink, stopped together. */
public final class Gateway implements AutoCloseable {
    private final WebServer server;
    private final EventSink sink;

    private Gateway(WebServer server, EventSink sink) {
        this.server = server;
        this.sink = sink;
    }

    /** Starts a node with the given configuration and returns once it listens. */
    public static Gateway start(GatewayConfig config) {
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(config.schemaRegistryUrl()), InterceptionEvent.class);
        EventSink sink = KafkaEventSink.create(config.kafkaBootstrap(), config.interceptionsTopic(), serde.serializer());
        BridgeService bridge = new BridgeService(config.providers(), new Authenticator(config.adminToken()), sink,
                config.nodeId(), config.maxBodyBytes(), Clock.systemUTC());
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .maxPayloadSize(config.maxBodyBytes())
                .addFeature(ObserveFeature.just(HealthObserver.builder().endpoint("/health").build()))
                .routing(r -> routing(r, bridge))
                .build()
                .start();
        return new Gateway(server, sink);
    }

    /** The gateway's routes; shared by the main and by tests. */
    static void routing(HttpRouting.Builder routing, BridgeService bridge) {
        routing.head("/", (req, res) -> res.send())
                .register("/api/v2/aibridge", bridge)
                .register("/api/v2/ai-gateway", bridge);
        ErrorResponses.register(routing);
    }

    /** The port the node listens on. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        sink.close();
    }
}
