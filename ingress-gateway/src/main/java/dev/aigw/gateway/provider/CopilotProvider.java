package dev.aigw.gateway.provider;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.intercept.Api;
import java.util.List;
import java.util.Map;

/** GitHub Copilot's OpenAI-style APIs; its clients' base URLs have no {@code /v1}. */
record CopilotProvider(ProviderConfig config) implements HttpProvider {
    static final Map<String, Api> ROUTES = Map.of("/chat/completions", Api.CHAT, "/responses", Api.RESPONSES);
    private static final Whitelist PASSTHROUGH = Whitelist.of("/models", "/models/.+", "/agents/.+", "/mcp/.+",
            "/\\.well-known/.+");

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
        return CallerAuth.PER_USER_TOKEN;
    }

    @Override
    public ErrorShape errorShape() {
        return ErrorShape.OPENAI;
    }

    // Copilot is always called with the person's own token: a key in its configuration is never sent.
    @Override
    public List<String> centralKeys() {
        return List.of();
    }
}
