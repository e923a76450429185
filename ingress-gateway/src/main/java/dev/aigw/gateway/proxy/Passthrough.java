package dev.aigw.gateway.proxy;

import dev.aigw.gateway.config.ProviderType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routes each provider type passes through unaudited. A whitelist on purpose: the provider key the gateway adds
 * may be privileged, so only routes that clients need (model lists, token counting, conversation reads) reach it.
 */
final class Passthrough {
    private static final List<Pattern> ANTHROPIC = patterns("/v1/models", "/v1/models/.+", "/v1/messages/count_tokens",
            "/api/event_logging/.+");
    private static final List<Pattern> OPENAI = patterns("/conversations", "/conversations/.+", "/models", "/models/.+",
            "/responses/.+");
    private static final List<Pattern> COPILOT = patterns("/models", "/models/.+", "/agents/.+", "/mcp/.+",
            "/\\.well-known/.+");

    private Passthrough() {
    }

    /**
     * The path to call below the provider's base URL for {@code rest}, the request path after the provider name, or
     * empty when it is not passed through. OpenAI base URLs end in {@code /v1}, so its routes carry {@code /v1} in
     * the request and not in the upstream path.
     */
    static Optional<String> upstreamPath(ProviderType type, String rest) {
        if (rest.contains("/../") || rest.endsWith("/..") || rest.contains("//")) {
            return Optional.empty();
        }
        if (type == ProviderType.OPENAI && !rest.startsWith("/v1/")) {
            return Optional.empty();
        }
        String path = type == ProviderType.OPENAI ? rest.substring(3) : rest;
        return route(type, path).map(route -> path);
    }

    /**
     * The whitelist entry that lets {@code upstreamPath} through, e.g. {@code /v1/models/.+}: a metrics label of
     * bounded cardinality, unlike the path with its model and conversation ids.
     */
    static Optional<String> route(ProviderType type, String upstreamPath) {
        List<Pattern> allowed = switch (type) {
            case ANTHROPIC -> ANTHROPIC;
            case OPENAI -> OPENAI;
            case COPILOT -> COPILOT;
        };
        return allowed.stream().filter(p -> p.matcher(upstreamPath).matches()).findFirst().map(Pattern::pattern);
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
