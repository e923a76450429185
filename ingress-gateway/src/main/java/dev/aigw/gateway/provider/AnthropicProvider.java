package dev.aigw.gateway.provider;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.intercept.Api;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import java.util.Map;

/** Anthropic's Messages API, called directly. */
record AnthropicProvider(ProviderConfig config) implements HttpProvider {
    static final Map<String, Api> ROUTES = Map.of("/v1/messages", Api.MESSAGES);
    private static final Whitelist PASSTHROUGH = Whitelist.of("/v1/models", "/v1/models/.+", "/v1/messages/count_tokens",
            "/api/event_logging/.+");
    private static final HeaderName API_KEY = HeaderNames.create("x-api-key");

    @Override
    public Map<String, Api> routes() {
        return ROUTES;
    }

    @Override
    public Whitelist passthroughList() {
        return PASSTHROUGH;
    }

    @Override
    public CallerAuth auth() {
        return CallerAuth.CENTRAL_OR_BYOK;
    }

    @Override
    public ErrorShape errorShape() {
        return ErrorShape.ANTHROPIC;
    }

    @Override
    public WritableHeaders<?> withKey(WritableHeaders<?> headers, String key) {
        return headers.set(API_KEY, key);
    }
}
