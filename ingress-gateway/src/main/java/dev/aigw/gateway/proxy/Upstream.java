package dev.aigw.gateway.proxy;

import dev.aigw.gateway.auth.Secrets;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.dump.Dump;
import dev.aigw.gateway.provider.HttpProvider;
import io.helidon.common.uri.UriInfo;
import io.helidon.common.uri.UriPath;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webclient.api.ConnectedSocketChannelInfo;
import io.helidon.webclient.api.ConnectedSocketInfo;
import io.helidon.webclient.api.ConnectionListener;
import io.helidon.webclient.api.WebClientServiceResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webclient.spi.WebClientService;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sends a client's request on to a provider: raw body, client headers minus what must not cross, provider key. The
 * call runs on the calling thread, which reads the answer from the connection itself.
 */
public final class Upstream implements AutoCloseable {
    // Hop-by-hop headers, headers the HTTP client sets itself, and the gateway credential: none may reach upstream.
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "expect", "accept-encoding", "x-coder-ai-governance-token");
    // Where a client puts credentials: the gateway key in centralized mode, the person's own provider key in BYOK.
    private static final Set<String> CLIENT_CREDENTIALS = Set.of("authorization", "x-api-key");
    // Actor headers tell the provider who acts; only the gateway may set them, so a client's own never pass.
    private static final String ACTOR_HEADER_PREFIX = "x-ai-bridge-actor-";
    private static final HeaderName ACTOR_ID = HeaderNames.create("X-AI-Bridge-Actor-ID");
    private static final HeaderName ACTOR_USERNAME = HeaderNames.create("X-AI-Bridge-Actor-Metadata-Username");

    private static final Logger LOG = Logger.getLogger(Upstream.class.getName());

    private final Http1Client client;
    private final FirstByteDeadline firstByte;
    private final KeyPools pools;

    /**
     * Calls providers over HTTP/1.1 on kept-alive connections, waiting {@code timeouts.firstByte()} for an answer's
     * headers and {@code timeouts.idle()} on each read of its body. Nothing is redirected, retried or decoded: the
     * client gets what the provider sent.
     */
    public Upstream(UpstreamTimeouts timeouts, Clock clock) {
        this.pools = new KeyPools(clock);
        this.firstByte = new FirstByteDeadline(timeouts.firstByte());
        this.client = Http1Client.builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.firstByte())
                .socketOptions(options -> options.tcpNoDelay(true))
                .followRedirects(false)
                .sendExpectContinue(false)
                .shareConnectionCache(false)
                .contentEncoding(ContentEncodingContext.builder().contentEncodingsDiscoverServices(false).build())
                .addService(idleReads(timeouts.idle()))
                .connectionListener(new HandshakeTimeout(timeouts.connect()))
                .build();
    }

    /**
     * Sends the request to {@code baseUrl + path + query} and returns the streaming answer: with the caller's own
     * provider credential in BYOK mode, else with the provider's central keys in place of the gateway key, failing over
     * to the next key when one is rate-limited or refused; with the caller's id and username in actor headers when
     * {@code actorHeaders}. The request as sent and the answer as read are also given to {@code dump}.
     */
    Answer send(HttpProvider provider, AuthenticatedCall caller, boolean actorHeaders, String path, ServerRequest req,
                byte[] body, Dump dump) throws IOException {
        Method method = req.prologue().method();
        URI target = target(provider.baseUrl(), path, req.query().rawValue());
        WritableHeaders<?> headers = headers(caller, target, req);
        if (actorHeaders) {
            headers.set(ACTOR_ID, caller.identity().userId());
            headers.set(ACTOR_USERNAME, caller.identity().username());
        }
        List<String> keys = provider.centralKeys();
        if (caller.byok() || keys.isEmpty()) {
            return call(method, target, headers, body, dump);
        }
        // With one key there is nothing to fail over to, and holding it back would only turn a provider's passing
        // refusal into the gateway's own; its answers go to the client, whose SDK honours Retry-After.
        if (keys.size() == 1) {
            return call(method, target, provider.withKey(headers, keys.getFirst()), body, dump);
        }
        KeyPool pool = pools.of(provider.name(), keys);
        List<String> usable = pool.usable();
        if (usable.isEmpty()) {
            throw exhausted(provider, pool);
        }
        Answer answer = null;
        for (String key : usable) {
            if (answer != null) {
                answer.close();
            }
            answer = call(method, target, provider.withKey(WritableHeaders.create(headers), key), body, dump);
            if (!KeyFailure.mark(answer, key, pool)) {
                return answer;
            }
            LOG.warning("provider " + provider.name() + " answered " + answer.status() + " to key "
                    + Secrets.mask(key) + "; trying the next key if there is one");
        }
        return answer;
    }

    /** The provider's central keys a centralized call would try now, in order. */
    List<String> usableKeys(HttpProvider provider) {
        List<String> keys = provider.centralKeys();
        return keys.size() < 2 ? keys : pools.of(provider.name(), keys).usable();
    }

    /** Closes the kept-alive connections. */
    @Override
    public void close() {
        client.closeResource();
        firstByte.close();
    }

    // Host as the URL gives it, so a default port is not spelled out.
    private static WritableHeaders<?> headers(AuthenticatedCall caller, URI target, ServerRequest req) {
        WritableHeaders<?> out = WritableHeaders.create();
        out.set(HeaderNames.HOST, target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort());
        for (Header h : req.headers()) {
            String name = h.headerName().lowerCase();
            if (!NOT_FORWARDED.contains(name) && !name.startsWith(ACTOR_HEADER_PREFIX)
                    && (caller.byok() || !CLIENT_CREDENTIALS.contains(name))) {
                out.add(h);
            }
        }
        return out;
    }

    /** One call to {@code target} exactly as given, failing as it does with an {@link IOException}. */
    Answer call(Method method, URI target, Headers headers, byte[] body, Dump dump) throws IOException {
        dump.request(method, target, headers, body);
        Http1ClientResponse response;
        try {
            response = firstByte.apply(() -> client.method(method).uri(rawTarget(target)).headers(headers)
                    .submit(body));
        } catch (IOException e) {
            dump.failed(e);
            throw e;
        }
        int status = response.status().code();
        boolean bodiless = Method.HEAD.equals(method) || status == 204 || status == 304;
        return new Answer(status, response.headers(),
                dump.response(status, response.headers(), new AnswerBody(response, bodiless)));
    }

    // Nothing was sent: every key is cooling down (429, with when to come back) or was refused (502).
    private static GatewayException exhausted(HttpProvider provider, KeyPool pool) {
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

    /**
     * The target as a Helidon URI that is sent byte for byte: Helidon keeps a query as a map of its parameters, which
     * reorders and re-encodes them, so path and query go in as one raw path.
     */
    private static ClientUri rawTarget(URI target) {
        String raw = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        UriInfo.Builder uri = UriInfo.builder().scheme(target.getScheme()).host(target.getHost())
                .path(UriPath.create(raw));
        if (target.getPort() >= 0) {
            uri.port(target.getPort());
        }
        return ClientUri.create(uri.build());
    }

    static boolean isForwardedResponseHeader(HeaderName name) {
        String n = name.lowerCase();
        return !NOT_FORWARDED.contains(n) && !CLIENT_CREDENTIALS.contains(n) && !n.equals("content-encoding");
    }

    /** Bounds a new connection's TLS handshake by the connect timeout; the socket would wait on it for ever. */
    private record HandshakeTimeout(Duration connect) implements ConnectionListener {
        @Override
        public void socketConnected(ConnectedSocketInfo socket) throws IOException {
            socket.socket().setSoTimeout(Math.toIntExact(connect.toMillis()));
        }

        @Override
        public void socketChannelConnected(ConnectedSocketChannelInfo channel) {
        }
    }

    // The read timeout of a call is the first-byte timeout until the answer's headers are in, which also bounds a
    // caller on a platform thread that the deadline's interrupt would not free, then the idle timeout.
    private static WebClientService idleReads(Duration idle) {
        return (chain, request) -> {
            WebClientServiceResponse response = chain.proceed(request);
            if (response.connection() instanceof ClientConnection connection) {
                connection.readTimeout(idle);
            }
            return response;
        };
    }
}
