package dev.aigw.gateway.proxy;

import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.gateway.auth.AuthResult;
import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.auth.Identity;
import dev.aigw.gateway.auth.Presented;
import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.dump.Dumps;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.ClientInfo;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.gateway.sink.EventSink;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** The intercepted provider routes, mounted under {@code /api/v2/aibridge} and {@code /api/v2/ai-gateway}. */
public final class BridgeService implements HttpService {
    private static final String INTERCEPTION_HEADER = "X-AI-Gateway-Interception-Id";

    private final Function<String, Optional<ProviderConfig>> providers;
    private final Authenticator authenticator;
    private final EventSink sink;
    private final String nodeId;
    private final BridgeConfig options;
    private final Clock clock;
    private final Upstream upstream;
    private final Dumps dumps;

    /** A bridge over providers looked up by name per request, so changes apply at once; records to the sink. */
    public BridgeService(Function<String, Optional<ProviderConfig>> providers, Authenticator authenticator, EventSink sink,
                         String nodeId, BridgeConfig options, Clock clock) {
        this.providers = providers;
        this.authenticator = authenticator;
        this.sink = sink;
        this.nodeId = nodeId;
        this.options = options;
        this.clock = clock;
        this.upstream = new Upstream(options.timeouts());
        this.dumps = new Dumps(options::dumpDirOf, clock);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{provider}/v1/messages", (req, res) -> intercept(Api.MESSAGES, true, req, res))
                .post("/{provider}/v1/chat/completions", (req, res) -> intercept(Api.CHAT, true, req, res))
                .post("/{provider}/v1/responses", (req, res) -> intercept(Api.RESPONSES, true, req, res))
                .post("/{provider}/chat/completions", (req, res) -> intercept(Api.CHAT, false, req, res))
                .post("/{provider}/responses", (req, res) -> intercept(Api.RESPONSES, false, req, res))
                .any(this::passthrough);
    }

    // OpenAI clients put /v1 in the base URL and Copilot's do not, so /v1 selects the provider type for those APIs.
    private void intercept(Api api, boolean versioned, ServerRequest req, ServerResponse res)
            throws IOException, InterruptedException {
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
        Interception interception = Interception.begin(nodeId, sink, clock);
        interception.record(started(req, provider, caller, api, parsed));
        parsed.prompt().ifPresent(p -> interception.record(new PromptUsage(null, p)));
        HttpResponse<InputStream> answer;
        try {
            answer = upstream.send(provider, caller.byok(), api.path(), req, api.upstreamBody(body, parsed),
                    dumps.intercepted(provider, parsed.model(), interception.id()));
        } catch (IOException e) {
            interception.record(ended(InterceptionStatus.FAILED, null, "upstream_unreachable", e.getMessage()));
            throw new GatewayException(Status.BAD_GATEWAY_502, "api_error", "upstream unreachable: " + e.getMessage());
        }
        relay(api, answer, res, interception, parsed.stream());
    }

    // Whitelisted routes go upstream with the same credential rules but no audit; anything else is not supported.
    private void passthrough(ServerRequest req, ServerResponse res) throws IOException, InterruptedException {
        String path = req.path().path();
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            throw unsupported(req);
        }
        ProviderConfig provider = providers.apply(path.substring(1, slash)).orElseThrow(() -> unsupported(req));
        String upstreamPath = Passthrough.upstreamPath(provider.type(), path.substring(slash)).orElseThrow(() -> unsupported(req));
        Caller caller = authenticate(req, provider);
        HttpResponse<InputStream> answer;
        try {
            answer = upstream.send(provider, caller.byok(), upstreamPath, req, body(req), dumps.passthrough(provider));
        } catch (IOException e) {
            throw new GatewayException(Status.BAD_GATEWAY_502, "api_error", "upstream proxy error: " + e.getMessage());
        }
        copyStatusAndHeaders(answer, res);
        try (InputStream in = answer.body(); OutputStream out = res.outputStream()) {
            in.transferTo(out);
        }
    }

    private static GatewayException unsupported(ServerRequest req) {
        return new GatewayException(Status.NOT_FOUND_404, "not_found_error",
                "route not supported: " + req.prologue().method().text() + " " + req.path().path());
    }

    private void relay(Api api, HttpResponse<InputStream> answer, ServerResponse res, Interception interception,
                       boolean stream)
            throws IOException {
        copyStatusAndHeaders(answer, res);
        res.header(HeaderNames.create(INTERCEPTION_HEADER), interception.id());
        int status = answer.statusCode();
        if (status / 100 != 2) {
            try (InputStream in = answer.body()) {
                res.send(in.readAllBytes());
            }
            interception.record(ended(InterceptionStatus.FAILED, status, "upstream_error", "upstream status " + status));
        } else if (stream) {
            relayStream(api, answer, res, interception);
        } else {
            byte[] bytes;
            try (InputStream in = answer.body()) {
                bytes = in.readAllBytes();
            }
            res.send(bytes);
            try {
                api.payloads(bytes).forEach(interception::record);
                interception.record(ended(InterceptionStatus.COMPLETED, status, null, null));
            } catch (IOException e) {
                interception.record(ended(InterceptionStatus.COMPLETED, status, "response_not_parsed",
                        "upstream answered " + status + " with a body that is not JSON"));
            }
        }
    }

    // Each chunk goes to the client and is flushed before the parser sees it, so parsing never delays the relay.
    private void relayStream(Api api, HttpResponse<InputStream> answer, ServerResponse res, Interception interception)
            throws IOException {
        StreamAudit parsed = api.follow(interception::record);
        SseDecoder decoder = new SseDecoder(parsed);
        OutputStream out = res.outputStream();
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                try {
                    out.write(buffer, 0, n);
                    out.flush();
                } catch (IOException | UncheckedIOException e) {
                    parsed.finish();
                    interception.record(ended(InterceptionStatus.CANCELLED, answer.statusCode(), "client_disconnected",
                            "client went away mid-stream"));
                    return;
                }
                decoder.feed(buffer, 0, n);
            }
        }
        out.close();
        decoder.finish();
        parsed.finish();
        interception.record(parsed.error()
                .map(e -> ended(InterceptionStatus.FAILED, answer.statusCode(), "stream_error", e))
                .orElseGet(() -> ended(InterceptionStatus.COMPLETED, answer.statusCode(), null, null)));
    }

    private static void copyStatusAndHeaders(HttpResponse<InputStream> answer, ServerResponse res) {
        res.status(Status.create(answer.statusCode()));
        answer.headers().map().forEach((name, values) -> {
            if (Upstream.isForwardedResponseHeader(name)) {
                res.header(HeaderNames.create(name), values.toArray(String[]::new));
            }
        });
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
        return req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
    }

    private InterceptionStarted started(ServerRequest req, ProviderConfig provider, Caller caller, Api api,
                                        ApiRequest parsed) {
        Identity who = caller.identity();
        ClientInfo client = ClientInfo.identify(name -> req.headers().first(HeaderNames.create(name)));
        return InterceptionStarted.newBuilder()
                .setInitiatorId(who.userId())
                .setInitiatorUsername(who.username())
                .setApiKeyId(who.keyId())
                .setProvider(provider.type().wireName())
                .setProviderName(provider.name())
                .setModel(parsed.model())
                .setRoute(api.path())
                .setStreaming(parsed.stream())
                .setClient(client.client())
                .setUserAgent(req.headers().first(HeaderNames.USER_AGENT).orElse(""))
                .setClientSessionId(client.sessionId().orElse(null))
                .setCorrelatingToolCallId(parsed.correlatingToolCallId().orElse(null))
                .setCredentialKind(caller.byok() ? CredentialKind.BYOK : CredentialKind.CENTRALIZED)
                .setCredentialHint(caller.credentialHint())
                .build();
    }

    private static InterceptionEnded ended(InterceptionStatus status, Integer upstreamStatus, String errorType, String error) {
        return new InterceptionEnded(status, upstreamStatus, errorType, error);
    }
}
