package dev.aigw.gateway.proxy;

import dev.aigw.gateway.auth.Secrets;
import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.dump.Dump;
import io.helidon.http.Header;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/** Sends a client's request on to a provider: raw body, client headers minus what must not cross, provider key. */
final class Upstream {
    // Hop-by-hop headers, headers the JDK client sets itself, and the gateway credential: none may reach upstream.
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "accept-encoding", "x-coder-ai-governance-token");
    // Where a client puts credentials: the gateway key in centralized mode, the person's own provider key in BYOK.
    private static final Set<String> CLIENT_CREDENTIALS = Set.of("authorization", "x-api-key");
    // Actor headers tell the provider who acts; only the gateway may set them, so a client's own never pass.
    private static final String ACTOR_HEADER_PREFIX = "x-ai-bridge-actor-";
    private static final String ACTOR_ID = "X-AI-Bridge-Actor-ID";
    private static final String ACTOR_USERNAME = "X-AI-Bridge-Actor-Metadata-Username";

    private static final Logger LOG = Logger.getLogger(Upstream.class.getName());

    private final HttpClient client;
    private final UpstreamTimeouts timeouts;
    private final KeyPools pools;

    Upstream(UpstreamTimeouts timeouts, Clock clock) {
        this.timeouts = timeouts;
        this.pools = new KeyPools(clock);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .build();
    }

    /**
     * Sends the request to {@code baseUrl + path + query} and returns the streaming response: with the caller's own
     * provider credential in BYOK mode, else with the provider's keys in place of the gateway key, failing over to the
     * next key when one is rate-limited or refused; with the caller's id and username in actor headers when
     * {@code actorHeaders}. The request as sent and the response as read are also given to {@code dump}.
     */
    HttpResponse<InputStream> send(Caller caller, boolean actorHeaders, String path, ServerRequest req, byte[] body,
                                   Dump dump) throws IOException, InterruptedException {
        ProviderConfig provider = caller.provider();
        HttpRequest.Builder out = request(caller, path, req, body);
        if (actorHeaders) {
            out.header(ACTOR_ID, caller.identity().userId());
            out.header(ACTOR_USERNAME, caller.identity().username());
        }
        if (caller.byok() || provider.type() == ProviderType.COPILOT || provider.keys().isEmpty()) {
            return attempt(out, body, dump);
        }
        // With one key there is nothing to fail over to, and holding it back would only turn a provider's passing
        // refusal into the gateway's own; its answers go to the client, whose SDK honours Retry-After.
        if (provider.keys().size() == 1) {
            return attempt(withKey(out, provider, provider.keys().getFirst()), body, dump);
        }
        KeyPool pool = pools.of(provider);
        List<String> usable = pool.usable();
        if (usable.isEmpty()) {
            throw exhausted(provider, pool);
        }
        HttpResponse<InputStream> answer = null;
        for (String key : usable) {
            if (answer != null) {
                answer.body().close();
            }
            answer = attempt(withKey(out.copy(), provider, key), body, dump);
            if (!KeyFailure.mark(answer, key, pool)) {
                return answer;
            }
            LOG.warning("provider " + provider.name() + " answered " + answer.statusCode() + " to key "
                    + Secrets.mask(key) + "; trying the next key if there is one");
        }
        return answer;
    }

    /** The provider's keys a centralized call would try now, in order. */
    List<String> usableKeys(ProviderConfig provider) {
        return provider.keys().size() < 2 ? provider.keys() : pools.of(provider).usable();
    }

    private HttpRequest.Builder request(Caller caller, String path, ServerRequest req, byte[] body) {
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder out = HttpRequest.newBuilder(target(caller.provider().baseUrl(), path, req.query().rawValue()))
                .method(req.prologue().method().text(), publisher)
                .timeout(timeouts.firstByte());
        for (Header h : req.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !name.startsWith(ACTOR_HEADER_PREFIX)
                    && (caller.byok() || !CLIENT_CREDENTIALS.contains(name))) {
                for (String value : h.allValues()) {
                    out.header(h.name(), value);
                }
            }
        }
        return out;
    }

    private static HttpRequest.Builder withKey(HttpRequest.Builder out, ProviderConfig provider, String key) {
        return provider.type() == ProviderType.ANTHROPIC ? out.header("x-api-key", key)
                : out.header("Authorization", "Bearer " + key);
    }

    private HttpResponse<InputStream> attempt(HttpRequest.Builder out, byte[] body, Dump dump)
            throws IOException, InterruptedException {
        return dump.send(client, out.build(), body);
    }

    // Nothing was sent: every key is cooling down (429, with when to come back) or was refused (502).
    private static GatewayException exhausted(ProviderConfig provider, KeyPool pool) {
        return pool.nextFree()
                .map(wait -> new GatewayException(Status.TOO_MANY_REQUESTS_429, "rate_limit_error",
                        "every key of provider " + provider.name() + " is rate limited", Math.max(1, wait.toSeconds())))
                .orElseGet(() -> new GatewayException(Status.BAD_GATEWAY_502, "api_error",
                        "every key of provider " + provider.name() + " was refused by the provider"));
    }

    static URI target(URI base, String path, String rawQuery) {
        String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        return base.resolve(basePath + path + query);
    }

    static boolean isForwardedResponseHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(n) && !CLIENT_CREDENTIALS.contains(n) && !n.equals(":status")
                && !n.equals("content-encoding");
    }
}
