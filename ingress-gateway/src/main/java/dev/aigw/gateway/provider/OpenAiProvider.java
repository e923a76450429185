package dev.aigw.gateway.provider;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.intercept.Api;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's Chat Completions and Responses APIs, and compatible upstreams. OpenAI clients put {@code /v1} in their base
 * URL and OpenAI base URLs end in it, so routes carry {@code /v1} in the request and not in the upstream path.
 */
record OpenAiProvider(ProviderConfig config) implements HttpProvider {
    static final Map<String, Api> ROUTES = Map.of("/v1/chat/completions", Api.CHAT, "/v1/responses", Api.RESPONSES);
    private static final String VERSION = "/v1";
    private static final Whitelist PASSTHROUGH = Whitelist.of("/conversations", "/conversations/.+", "/models",
            "/models/.+", "/responses/.+");

    @Override
    public Map<String, Api> routes() {
        return ROUTES;
    }

    @Override
    public Whitelist passthroughList() {
        return PASSTHROUGH;
    }

    // The list is below /v1, which the base URL already ends in.
    @Override
    public Optional<PassthroughRoute> passthrough(String rest) {
        return rest.startsWith(VERSION + "/") ? PASSTHROUGH.route(rest.substring(VERSION.length())) : Optional.empty();
    }

    @Override
    public CallerAuth auth() {
        return CallerAuth.CENTRAL_OR_BYOK;
    }

    @Override
    public ErrorShape errorShape() {
        return ErrorShape.OPENAI;
    }
}
