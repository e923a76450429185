package dev.aigw.gateway;

import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.metrics.GatewayMetrics;
import dev.aigw.gateway.provider.ProviderDirectory;
import dev.aigw.gateway.proxy.Authentication;
import dev.aigw.gateway.proxy.ErrorResponses;
import dev.aigw.gateway.proxy.InterceptService;
import dev.aigw.gateway.proxy.InterceptionStarter;
import dev.aigw.gateway.proxy.PassthroughService;
import dev.aigw.gateway.proxy.Upstreams;
import dev.aigw.gateway.sink.Admission;
import dev.aigw.gateway.sink.EventSink;
import java.time.Clock;

/**
 * The gateway's HTTP services and what they share, built from the node's parts; {@link Gateway#routing} mounts them.
 * Closing it closes the connections to providers.
 *
 * @param intercept   the intercepted provider routes
 * @param passthrough the base-URL probes and passthrough routes
 * @param errors      the error answers of every route
 * @param upstreams   the clients of providers
 */
public record GatewayRoutes(InterceptService intercept, PassthroughService passthrough, ErrorResponses errors,
                            Upstreams upstreams) implements AutoCloseable {
    /**
     * The routes of a node with id {@code nodeId} over providers looked up per request: callers authenticated by
     * {@code authenticator}, events recorded to {@code sink} when {@code admission} lets an interception start.
     */
    public static GatewayRoutes create(ProviderDirectory providers, Authenticator authenticator, EventSink sink,
                                       Admission admission, String nodeId, BridgeConfig options, Clock clock,
                                       GatewayMetrics metrics) {
        Upstreams upstreams = Upstreams.create(options, clock);
        Authentication authentication = new Authentication(authenticator, options.allowByok());
        InterceptionStarter starter = new InterceptionStarter(nodeId, sink, metrics, clock);
        return new GatewayRoutes(
                new InterceptService(providers, authentication, admission, starter, upstreams, options),
                new PassthroughService(providers, authentication, upstreams, metrics, options),
                new ErrorResponses(providers, options.maxBodyBytes()), upstreams);
    }

    /** Closes the connections to providers and the Bedrock clients. */
    @Override
    public void close() {
        upstreams.close();
    }
}
