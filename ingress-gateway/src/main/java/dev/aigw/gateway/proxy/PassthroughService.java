package dev.aigw.gateway.proxy;

import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.dump.Dumps;
import dev.aigw.gateway.metrics.GatewayMetrics;
import dev.aigw.gateway.metrics.Overhead;
import dev.aigw.gateway.provider.BedrockProvider;
import dev.aigw.gateway.provider.HttpProvider;
import dev.aigw.gateway.provider.PassthroughRoute;
import dev.aigw.gateway.provider.ProviderDirectory;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The provider routes that are not intercepted, mounted after {@link InterceptService}: a client's probe of its base
 * URL, and the routes each provider kind passes through with the same credential rules but no audit. Anything else is
 * not supported.
 */
public final class PassthroughService implements HttpService {
    private final ProviderDirectory providers;
    private final Authentication authentication;
    private final Bodies bodies;
    private final Upstream upstream;
    private final Relay relay;
    private final Dumps dumps;
    private final GatewayMetrics metrics;
    private final BridgeConfig options;

    /** Passes requests through to providers looked up per request, through {@code upstreams}, metered. */
    public PassthroughService(ProviderDirectory providers, Authentication authentication, Upstreams upstreams,
                              GatewayMetrics metrics, BridgeConfig options) {
        this.providers = providers;
        this.authentication = authentication;
        this.bodies = new Bodies(options.maxBodyBytes());
        this.upstream = upstreams.upstream();
        this.relay = upstreams.relay();
        this.dumps = upstreams.dumps();
        this.metrics = metrics;
        this.options = options;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.head("/{provider}", this::headBase)
                .head("/{provider}/v1", this::headBase)
                .any(this::passthrough);
    }

    // Clients probe their base URL before the first call; the answer says only whether the provider exists.
    private void headBase(ServerRequest req, ServerResponse res) {
        boolean known = providers.find(req.path().pathParameters().get("provider")).isPresent();
        res.status(known ? Status.OK_200 : Status.NOT_FOUND_404).send();
    }

    private void passthrough(ServerRequest req, ServerResponse res) throws IOException {
        Overhead overhead = Overhead.start();
        Target target = target(req).orElseThrow(() -> GatewayException.unsupported(req));
        AuthenticatedCall caller = authentication.authenticate(req, target.provider());
        Answer answer;
        long asked = System.nanoTime();
        try {
            answer = upstream.send(target.provider(), caller, false, target.route().upstreamPath(), req, bodies.read(req),
                    dumps.passthrough(target.provider().config()));
        } catch (IOException e) {
            throw UpstreamFailure.of(e, options.timeouts()).toException();
        }
        overhead.waitedSince(asked);
        try (answer) {
            relay.plain(answer, res, overhead);
        } finally {
            metrics.passthrough(target.provider().name(), target.route().route(), req.prologue().method().text(), overhead);
        }
    }

    /** A provider called over HTTP and the whitelisted route of the request to it. */
    private record Target(HttpProvider provider, PassthroughRoute route) {
    }

    // The request path below the mount is /<provider name><rest>; only providers called over HTTP pass anything through.
    private Optional<Target> target(ServerRequest req) {
        String path = req.path().path();
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return Optional.empty();
        }
        String rest = path.substring(slash);
        return providers.find(path.substring(1, slash)).flatMap(provider -> switch (provider) {
            case BedrockProvider bedrock -> Optional.empty();
            case HttpProvider http -> http.passthrough(rest).map(route -> new Target(http, route));
        });
    }
}
