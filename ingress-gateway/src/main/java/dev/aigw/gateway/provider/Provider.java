package dev.aigw.gateway.provider;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.intercept.Api;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A provider instance as a request sees it. Its kind decides which routes are intercepted, how a caller authenticates,
 * the shape of error bodies and how a request reaches the upstream: over HTTP as it came ({@link HttpProvider}, which
 * also passes some routes through) or adapted for Amazon Bedrock ({@link BedrockProvider}).
 */
public sealed interface Provider permits HttpProvider, BedrockProvider {
    /** The instance's kind from its configuration: Bedrock settings make any instance a Bedrock one. */
    static Provider of(ProviderConfig config) {
        return switch (config.type()) {
            case ANTHROPIC -> new AnthropicProvider(config);
            case OPENAI -> new OpenAiProvider(config);
            case COPILOT -> new CopilotProvider(config);
            case BEDROCK -> new BedrockProvider(config);
        };
    }

    /** The paths below a provider's name that some kind intercepts, e.g. {@code /v1/messages}. */
    static Set<String> interceptedPaths() {
        return Stream.of(AnthropicProvider.ROUTES, OpenAiProvider.ROUTES, CopilotProvider.ROUTES, BedrockProvider.ROUTES)
                .map(Map::keySet).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }

    /** The instance's configuration. */
    ProviderConfig config();

    /** The instance name, as in the route and in events' {@code provider_name}. */
    default String name() {
        return config().name();
    }

    /** The kind, as events record it in {@code provider}: {@code anthropic}, {@code openai}, {@code copilot}, {@code bedrock}. */
    default String kind() {
        return config().type().wireName();
    }

    /** The APIs this kind intercepts, by the request path after the provider name. */
    Map<String, Api> routes();

    /** The API intercepted at {@code rest}, the request path after the provider name, if this kind intercepts it. */
    default Optional<Api> intercepts(String rest) {
        return Optional.ofNullable(routes().get(rest));
    }

    /** Which credentials a caller of this kind presents. */
    CallerAuth auth();

    /** The shape of the error bodies the gateway writes for this kind. */
    ErrorShape errorShape();
}
