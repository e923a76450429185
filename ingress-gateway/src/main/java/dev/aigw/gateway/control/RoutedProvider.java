package dev.aigw.gateway.control;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.control.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A provider from the topic and, when this node can route to it, the configuration the bridge uses. Built once per
 * change of the topic, so a request only looks it up.
 *
 * @param settings the opened definition
 * @param route    empty when disabled or of a kind this node does not serve
 */
public record RoutedProvider(ProviderSettings settings, Optional<ProviderConfig> route) {
    /** The routed form of a definition. */
    public static RoutedProvider of(ProviderSettings settings) {
        Optional<ProviderConfig> route = settings.enabled() ? type(settings)
                .map(type -> new ProviderConfig(type, settings.name(), URI.create(settings.baseUrl()), settings.keys(),
                        settings.dumpDir().map(Path::of), settings.bedrock()))
                : Optional.empty();
        return new RoutedProvider(settings, route);
    }

    // Bedrock serves the Anthropic Messages API, whether the provider is of type bedrock or anthropic with Bedrock.
    private static Optional<ProviderType> type(ProviderSettings settings) {
        return settings.bedrock().isPresent() ? Optional.of(ProviderType.ANTHROPIC) : ProviderType.parse(settings.type());
    }
}
