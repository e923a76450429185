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
        return switch (type) {
            case ANTHROPIC -> matching(ANTHROPIC, rest);
            case OPENAI -> rest.startsWith("/v1/") ? matching(OPENAI, rest.substring(3)) : Optional.empty();
            case COPILOT -> matching(COPILOT, rest);
        };
    }

    private static Optional<String> matching(List<Pattern> allowed, String path) {
        return allowed.stream().anyMatch(p -> p.matcher(path).matches()) ? Optional.of(path) : Optional.empty();
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(Pattern::compile).toList();
    }
}
