package dev.aigw.gateway.proxy;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.dump.Dump;
import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

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

    private final HttpClient client;
    private final UpstreamTimeouts timeouts;

    Upstream(UpstreamTimeouts timeouts) {
        this.timeouts = timeouts;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeouts.connect())
                .build();
    }

    /**
     * Sends the request to {@code baseUrl + path + query} and returns the streaming response: with the caller's own
     * provider credential in BYOK mode, else with the provider's configured key in place of the gateway key; with the
     * caller's id and username in actor headers when {@code actorHeaders}. The request as sent and the response as
     * read are also given to {@code dump}.
     */
    HttpResponse<InputStream> send(Caller caller, boolean actorHeaders, String path, ServerRequest req, byte[] body,
                                   Dump dump) throws IOException, InterruptedException {
        ProviderConfig provider = caller.provider();
        boolean byok = caller.byok();
        HttpRequest.BodyPublisher publisher = body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder out = HttpRequest.newBuilder(target(provider.baseUrl(), path, req.query().rawValue()))
                .method(req.prologue().method().text(), publisher)
                .timeout(timeouts.firstByte());
        for (Header h : req.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !name.startsWith(ACTOR_HEADER_PREFIX)
                    && (byok || !CLIENT_CREDENTIALS.contains(name))) {
                for (String value : h.allValues()) {
                    out.header(h.name(), value);
                }
            }
        }
        if (!byok && !provider.keys().isEmpty()) {
            switch (provider.type()) {
                case ANTHROPIC -> out.header("x-api-key", provider.keys().getFirst());
                case OPENAI -> out.header("Authorization", "Bearer " + provider.keys().getFirst());
                case COPILOT -> {
                    // Copilot is always called with the person's own token, never a central key.
                }
            }
        }
        if (actorHeaders) {
            out.header(ACTOR_ID, caller.identity().userId());
            out.header(ACTOR_USERNAME, caller.identity().username());
        }
        HttpRequest request = out.build();
        dump.request(request, body);
        try {
            return client.send(request, dump.bodyHandler());
        } catch (IOException e) {
            dump.failed(e);
            throw e;
        }
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
