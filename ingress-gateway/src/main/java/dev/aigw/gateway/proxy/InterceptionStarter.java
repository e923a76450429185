package dev.aigw.gateway.proxy;

import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.gateway.auth.Identity;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.ClientInfo;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.metrics.GatewayMetrics;
import dev.aigw.gateway.metrics.InterceptionMeter;
import dev.aigw.gateway.sink.EventSink;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.util.List;

/** Begins an interception: its id in the answer's headers, its start and prompt recorded, its meters opened. */
public final class InterceptionStarter {
    private static final HeaderName INTERCEPTION_HEADER = HeaderNames.create("X-AI-Gateway-Interception-Id");

    private final String nodeId;
    private final EventSink sink;
    private final GatewayMetrics metrics;
    private final Clock clock;

    /** Starts interceptions of node {@code nodeId} recording to {@code sink}, metered, timed by {@code clock}. */
    public InterceptionStarter(String nodeId, EventSink sink, GatewayMetrics metrics, Clock clock) {
        this.nodeId = nodeId;
        this.sink = sink;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Begins the interception of {@code parsed}, the request as it goes upstream. The meter is opened before the first
     * event, so every event of the interception is counted.
     *
     * @param usableKeys the provider keys a centralized call would try now, in order, for the credential's hint
     */
    Begun begin(ServerRequest req, ServerResponse res, AuthenticatedCall caller, Api api, ApiRequest parsed,
                List<String> usableKeys) {
        InterceptionStarted started = started(req, caller, api, parsed, usableKeys);
        InterceptionMeter meter = metrics.interception(started, req.prologue().method().text());
        Interception interception = Interception.begin(nodeId, meter.counting(sink), clock);
        res.header(INTERCEPTION_HEADER, interception.id());
        interception.record(new Payload.Started(started));
        parsed.prompt().ifPresent(p -> interception.record(new Payload.Prompt(new PromptUsage(null, p))));
        return new Begun(interception, meter);
    }

    /** An interception a request began, with its meter; closing ends the metering. */
    record Begun(Interception interception, InterceptionMeter meter) implements AutoCloseable {
        @Override
        public void close() {
            meter.close();
        }
    }

    private static InterceptionStarted started(ServerRequest req, AuthenticatedCall caller, Api api, ApiRequest parsed,
                                               List<String> usableKeys) {
        Identity who = caller.identity();
        ClientInfo client = ClientInfo.identify(name -> req.headers().first(HeaderNames.create(name)));
        return InterceptionStarted.newBuilder()
                .setInitiatorId(who.userId())
                .setInitiatorUsername(who.username())
                .setApiKeyId(who.keyId())
                .setProvider(caller.provider().kind())
                .setProviderName(caller.provider().name())
                .setModel(parsed.model())
                .setRoute(api.path())
                .setStreaming(parsed.stream())
                .setClient(client.client())
                .setUserAgent(req.headers().first(HeaderNames.USER_AGENT).orElse(""))
                .setClientSessionId(client.sessionId().orElse(null))
                .setCorrelatingToolCallId(parsed.correlatingToolCallId().orElse(null))
                .setCredentialKind(caller.byok() ? CredentialKind.BYOK : CredentialKind.CENTRALIZED)
                .setCredentialHint(caller.credentialHint(usableKeys))
                .build();
    }
}
