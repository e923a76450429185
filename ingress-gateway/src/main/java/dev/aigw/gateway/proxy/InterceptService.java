package dev.aigw.gateway.proxy;

import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.bedrock.BedrockBridge;
import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.dump.Dumps;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.metrics.Overhead;
import dev.aigw.gateway.provider.BedrockProvider;
import dev.aigw.gateway.provider.HttpProvider;
import dev.aigw.gateway.provider.Provider;
import dev.aigw.gateway.provider.ProviderDirectory;
import dev.aigw.gateway.proxy.InterceptionStarter.Begun;
import dev.aigw.gateway.sink.Admission;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;

/**
 * The intercepted provider routes, mounted under {@code /api/v2/aibridge} and {@code /api/v2/ai-gateway}: each request
 * is authenticated, admitted, recorded as an interception and relayed from its provider.
 */
public final class InterceptService implements HttpService {
    private static final HeaderName ANTHROPIC_BETA = HeaderNames.create("Anthropic-Beta");
    private static final long UNRECORDED_RETRY_SECONDS = 10;

    private final ProviderDirectory providers;
    private final Authentication authentication;
    private final Admission admission;
    private final Bodies bodies;
    private final InterceptionStarter starter;
    private final Upstream upstream;
    private final Relay relay;
    private final BedrockBridge bedrock;
    private final Dumps dumps;
    private final BridgeConfig options;

    /**
     * A service over providers looked up per request that starts an interception only when {@code admission} lets it,
     * and calls providers through {@code upstreams}.
     */
    public InterceptService(ProviderDirectory providers, Authentication authentication, Admission admission,
                            InterceptionStarter starter, Upstreams upstreams, BridgeConfig options) {
        this.providers = providers;
        this.authentication = authentication;
        this.admission = admission;
        this.bodies = new Bodies(options.maxBodyBytes());
        this.starter = starter;
        this.upstream = upstreams.upstream();
        this.relay = upstreams.relay();
        this.bedrock = upstreams.bedrock();
        this.dumps = upstreams.dumps();
        this.options = options;
    }

    @Override
    public void routing(HttpRules rules) {
        for (String path : Provider.interceptedPaths()) {
            rules.post("/{provider}" + path, (req, res) -> intercept(path, req, res));
        }
    }

    private void intercept(String path, ServerRequest req, ServerResponse res) throws IOException, InterruptedException {
        Overhead overhead = Overhead.start();
        Provider provider = provider(req);
        Api api = provider.intercepts(path).orElseThrow(() -> GatewayException.unsupported(req));
        AuthenticatedCall caller = authentication.authenticate(req, provider);
        ApiRequest parsed = api.parse(bodies.read(req));
        if (parsed.background()) {
            throw new GatewayException(Status.NOT_IMPLEMENTED_501, "invalid_request_error",
                    "background requests are not supported by the AI Gateway");
        }
        if (!admission.tryAdmit()) {
            throw new GatewayException(Status.SERVICE_UNAVAILABLE_503, "overloaded_error", "the AI Gateway cannot record"
                    + " audit events right now (Kafka is unreachable and the local spool is full); try again later",
                    UNRECORDED_RETRY_SECONDS);
        }
        switch (provider) {
            case BedrockProvider b -> viaBedrock(b, caller, api, parsed, req, res);
            case HttpProvider h -> viaHttp(h, caller, api, parsed, req, res, overhead);
        }
    }

    // Bedrock gets the request in its own form, which begins the interception, so the Bedrock model is recorded.
    private void viaBedrock(BedrockProvider provider, AuthenticatedCall caller, Api api, ApiRequest parsed,
                            ServerRequest req, ServerResponse res) throws InterruptedException {
        ApiRequest adapted = bedrock.adapt(provider, parsed, req.headers().values(ANTHROPIC_BETA));
        try (Begun begun = starter.begin(req, res, caller, api, adapted, provider.accessKeys())) {
            bedrock.relay(provider, adapted, res, begun.interception());
        }
    }

    private void viaHttp(HttpProvider provider, AuthenticatedCall caller, Api api, ApiRequest parsed, ServerRequest req,
                         ServerResponse res, Overhead overhead) throws IOException {
        try (Begun begun = starter.begin(req, res, caller, api, parsed, upstream.usableKeys(provider))) {
            Interception interception = begun.interception();
            long asked = System.nanoTime();
            Answer answer = send(provider, caller, api, parsed, req, interception);
            overhead.waitedSince(asked);
            // Closed here as well, so that an answer the relay failed before reading does not hold its connection.
            try (answer) {
                relay.intercepted(api, answer, res, interception, parsed.stream(), overhead);
            }
            begun.meter().relayed(overhead);
        }
    }

    private Answer send(HttpProvider provider, AuthenticatedCall caller, Api api, ApiRequest parsed, ServerRequest req,
                        Interception interception) {
        try {
            return upstream.send(provider, caller, options.sendActorHeaders(), api.path(), req, parsed.upstreamBody(),
                    dumps.intercepted(provider.config(), parsed.model(), interception.id()));
        } catch (IOException e) {
            UpstreamFailure failure = UpstreamFailure.of(e, options.timeouts());
            interception.end(InterceptionStatus.FAILED, null, failure.type(), failure.message());
            throw failure.toException();
        }
    }

    private Provider provider(ServerRequest req) {
        String name = req.path().pathParameters().get("provider");
        return providers.find(name).orElseThrow(
                () -> new GatewayException(Status.NOT_FOUND_404, "not_found_error", "unknown provider: " + name));
    }
}
