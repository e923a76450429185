package dev.aigw.gateway.proxy;

import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.gateway.auth.AuthResult;
import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.auth.Identity;
import dev.aigw.gateway.auth.Presented;
import dev.aigw.gateway.bedrock.BedrockBridge;
import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.dump.Dumps;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.ClientInfo;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.metrics.GatewayMetrics;
import dev.aigw.gateway.metrics.InterceptionMeter;
import dev.aigw.gateway.metrics.Overhead;
import dev.aigw.gateway.sink.Admission;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.servicekit.body.RequestBodies;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The intercepted provider routes, mounted under {@code /api/v2/aibridge} and {@code /api/v2/ai-gateway}. */
public final class BridgeService implements HttpService, AutoCloseable {
    private static final HeaderName INTERCEPTION_HEADER = HeaderNames.create("X-AI-Gateway-Interception-Id");
    private static final HeaderName ANTHROPIC_BETA = HeaderNames.create("Anthropic-Beta");
    private static final long UNRECORDED_RETRY_SECONDS = 10;
    private final Function<String, Optional<ProviderConfig>> providers;
    private final Authenticator authenticator;
    private final EventSink sink;
    private final Admission admission;
    private final String nodeId;
    private final BridgeConfig options;
    private final Clock clock;
    private final Upstream upstream;
    private final Relay relay;
    private final Dumps dumps;
    private final GatewayMetrics metrics;
    private final BedrockBridge bedrock;

    /**
     * A bridge over providers looked up by name per request, so changes apply at once; records to the sink, starts an
     * interception only when {@code admission} lets it, and meters what it does.
     */
    public BridgeService(Function<String, Optional<ProviderConfig>> providers, Authenticator authenticator, EventSink sink,
                         Admission admission, String nodeId, BridgeConfig options, Clock clock, GatewayMetrics metrics) {
        this.providers = providers;
        this.authenticator = authenticator;
        this.sink = sink;
        this.admission = admission;
        this.nodeId = nodeId;
        this.options = options;
        this.clock = clock;
        this.upstream = new Upstream(options.timeouts(), clock);
        this.relay = new Relay(options.timeouts());
        this.dumps = new Dumps(options::dumpDirOf, clock);
        this.metrics = metrics;
        this.bedrock = new BedrockBridge(options.timeouts());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{provider}/v1/messages", (req, res) -> intercept(Api.MESSAGES, true, req, res))
                .post("/{provider}/v1/chat/completions", (req, res) -> intercept(Api.CHAT, true, req, res))
                .post("/{provider}/v1/responses", (req, res) -> intercept(Api.RESPONSES, true, req, res))
                .post("/{provider}/chat/completions", (req, res) -> intercept(Api.CHAT, false, req, res))
                .post("/{provider}/responses", (req, res) -> intercept(Api.RESPONSES, false, req, res))
                .head("/{provider}", this::headBase)
                .head("/{provider}/v1", this::headBase)
                .any(this::passthrough);
    }

    // OpenAI clients put /v1 in the base URL and Copilot's do not, so /v1 selects the provider type for those APIs.
    private void intercept(Api api, boolean versioned, ServerRequest req, ServerResponse res)
            throws IOException, InterruptedException {
        Overhead overhead = Overhead.start();
        ProviderConfig provider = provider(req);
        boolean copilotRoute = api != Api.MESSAGES && !versioned;
        if (!api.servedBy(provider.type()) || copilotRoute != (provider.type() == ProviderType.COPILOT)) {
            throw unsupported(req);
        }
        Caller caller = authenticate(req, provider);
        byte[] body = body(req);
        ApiRequest parsed = api.parse(body);
        if (parsed.background()) {
            throw new GatewayException(Status.NOT_IMPLEMENTED_501, "invalid_request_error",
                    "background requests are not supported by the AI Gateway");
        }
        if (!admission.tryAdmit()) {
            throw new GatewayException(Status.SERVICE_UNAVAILABLE_503, "overloaded_error", "the AI Gateway cannot record"
                    + " audit events right now (Kafka is unreachable and the local spool is full); try again later",
                    UNRECORDED_RETRY_SECONDS);
        }
        // Bedrock gets the request in its own form, which begins the interception, so the Bedrock model is recorded.
        if (provider.bedrock().isPresent()) {
            AtomicReference<Begun> begun = new AtomicReference<>();
            try {
                bedrock.intercept(provider, parsed, req.headers().values(ANTHROPIC_BETA), res, adapted -> {
                    begun.set(begin(req, res, provider, caller, api, adapted));
                    return begun.get().interception();
                });
            } finally {
                Optional.ofNullable(begun.get()).ifPresent(Begun::close);
            }
            return;
        }
        try (Begun begun = begin(req, res, provider, caller, api, parsed)) {
            Interception interception = begun.interception();
            Answer answer;
            long asked = System.nanoTime();
            try {
                answer = upstream.send(caller, options.sendActorHeaders(), api.path(), req, parsed.upstreamBody(),
                        dumps.intercepted(provider, parsed.model(), interception.id()));
            } catch (IOException e) {
                UpstreamFailure failure = UpstreamFailure.of(e, options.timeouts());
                interception.end(InterceptionStatus.FAILED, null, failure.type(), failure.message());
                throw failure.toException();
            }
            overhead.waitedSince(asked);
            // Closed here as well, so that an answer the relay failed before reading does not hold its connection.
            try (answer) {
                relay.intercepted(api, answer, res, interception, parsed.stream(), overhead);
            }
            begun.meter().relayed(overhead);
        }
    }

    // The meter is opened before the first event, so every event of the interception is counted.
    private Begun begin(ServerRequest req, ServerResponse res, ProviderConfig provider, Caller caller, Api api,
                        ApiRequest parsed) {
        InterceptionStarted started = started(req, provider, caller, api, parsed);
        InterceptionMeter meter = metrics.interception(started, req.prologue().method().text());
        Interception interception = Interception.begin(nodeId, meter.counting(sink), clock);
        res.header(INTERCEPTION_HEADER, interception.id());
        interception.record(new Payload.Started(started));
        parsed.prompt().ifPresent(p -> interception.record(new Payload.Prompt(new PromptUsage(null, p))));
        return new Begun(interception, meter);
    }

    /** An interception a request began, with its meter; closing ends the metering. */
    private record Begun(Interception interception, InterceptionMeter meter) implements AutoCloseable {
        @Override
        public void close() {
            meter.close();
        }
    }

    // Clients probe their base URL before the first call; the answer says only whether the provider exists.
    private void headBase(ServerRequest req, ServerResponse res) {
        boolean known = providers.apply(req.path().pathParameters().get("provider")).isPresent();
        res.status(known ? Status.OK_200 : Status.NOT_FOUND_404).send();
    }

    // Whitelisted routes go upstream with the same credential rules but no audit; anything else is not supported.
    // Bedrock has none of the Anthropic API's other routes.
    private void passthrough(ServerRequest req, ServerResponse res) throws IOException {
        Overhead overhead = Overhead.start();
        String path = req.path().path();
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            throw unsupported(req);
        }
        ProviderConfig provider = providers.apply(path.substring(1, slash)).filter(p -> p.bedrock().isEmpty())
                .orElseThrow(() -> unsupported(req));
        String upstreamPath = Passthrough.upstreamPath(provider.type(), path.substring(slash)).orElseThrow(() -> unsupported(req));
        Caller caller = authenticate(req, provider);
        Answer answer;
        long asked = System.nanoTime();
        try {
            answer = upstream.send(caller, false, upstreamPath, req, body(req), dumps.passthrough(provider));
        } catch (IOException e) {
            throw UpstreamFailure.of(e, options.timeouts()).toException();
        }
        overhead.waitedSince(asked);
        try (answer) {
            relay.plain(answer, res, overhead);
        } finally {
            metrics.passthrough(provider.name(), Passthrough.route(provider.type(), upstreamPath).orElseThrow(),
                    req.prologue().method().text(), overhead);
        }
    }

    private static GatewayException unsupported(ServerRequest req) {
        return new GatewayException(Status.NOT_FOUND_404, "not_found_error", ErrorResponses.unsupported(req));
    }

    private ProviderConfig provider(ServerRequest req) {
        String name = req.path().pathParameters().get("provider");
        return providers.apply(name).orElseThrow(
                () -> new GatewayException(Status.NOT_FOUND_404, "not_found_error", "unknown provider: " + name));
    }

    /**
     * Who calls and which credential goes upstream. Copilot is always called with the person's own token, so its
     * routes need the gateway key in the governance header.
     */
    private Caller authenticate(ServerRequest req, ProviderConfig provider) {
        Presented presented = Presented.of(name -> req.headers().first(HeaderNames.create(name)));
        String gatewayKey = switch (presented) {
            case Presented.Missing missing -> throw new GatewayException(Status.UNAUTHORIZED_401, "authentication_error",
                    "no gateway key provided");
            case Presented.Centralized centralized -> {
                if (provider.type() == ProviderType.COPILOT) {
                    throw new GatewayException(Status.UNAUTHORIZED_401, "authentication_error", "Copilot needs your own "
                            + "Copilot token in Authorization and the gateway key in " + Presented.GOVERNANCE_HEADER);
                }
                yield centralized.gatewayKey();
            }
            case Presented.Byok byok -> {
                if (!options.allowByok()) {
                    throw new GatewayException(Status.FORBIDDEN_403, "permission_error",
                            "Bring Your Own Key (BYOK) mode is not enabled.");
                }
                if (provider.bedrock().isPresent()) {
                    throw new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error", "provider " + provider.name()
                            + " signs its Bedrock calls with the gateway's AWS credentials and takes no key of yours");
                }
                yield byok.gatewayKey();
            }
        };
        return switch (authenticator.authenticate(gatewayKey)) {
            case AuthResult.Accepted accepted -> new Caller(accepted.identity(), presented, provider);
            case AuthResult.Refused refused -> throw new GatewayException(Status.UNAUTHORIZED_401, "authentication_error",
                    refused.reason());
        };
    }

    private byte[] body(ServerRequest req) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > options.maxBodyBytes()) {
            throw new GatewayException(Status.REQUEST_ENTITY_TOO_LARGE_413, "request_too_large",
                    "request body of " + declared + " bytes exceeds the limit of " + options.maxBodyBytes());
        }
        try {
            return RequestBodies.read(req);
        } catch (RequestBodies.BadBody e) {
            throw GatewayException.closing(e.getMessage());
        }
    }

    private InterceptionStarted started(ServerRequest req, ProviderConfig provider, Caller caller, Api api,
                                        ApiRequest parsed) {
        Identity who = caller.identity();
        ClientInfo client = ClientInfo.identify(name -> req.headers().first(HeaderNames.create(name)));
        return InterceptionStarted.newBuilder()
                .setInitiatorId(who.userId())
                .setInitiatorUsername(who.username())
                .setApiKeyId(who.keyId())
                .setProvider(provider.recordedType())
                .setProviderName(provider.name())
                .setModel(parsed.model())
                .setRoute(api.path())
                .setStreaming(parsed.stream())
                .setClient(client.client())
                .setUserAgent(req.headers().first(HeaderNames.USER_AGENT).orElse(""))
                .setClientSessionId(client.sessionId().orElse(null))
                .setCorrelatingToolCallId(parsed.correlatingToolCallId().orElse(null))
                .setCredentialKind(caller.byok() ? CredentialKind.BYOK : CredentialKind.CENTRALIZED)
                // Bedrock calls are signed with the provider's access key, or with what the SDK's chain finds (no hint).
                .setCredentialHint(caller.credentialHint(provider.bedrock()
                        .map(b -> b.accessKey().stream().toList()).orElseGet(() -> upstream.usableKeys(provider))))
                .build();
    }

    /** Closes the connections to providers and the Bedrock clients. */
    @Override
    public void close() {
        upstream.close();
        bedrock.close();
    }
}
