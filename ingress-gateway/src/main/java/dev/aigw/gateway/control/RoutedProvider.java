package dev.aigw.gateway.control;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.provider.Provider;
import dev.aigw.control.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A provider from the topic and, when this node can route to it, the provider of its kind that requests use. Built once
 * per change of the topic, so a request only looks it up.
 *
 * @param settings the opened definition
 * @param route    empty when disabled or of a kind this node does not serve
 */
public record RoutedProvider(ProviderSettings settings, Optional<Provider> route) {
    /** The routed form of a definition. */
    public static RoutedProvider of(ProviderSettings settings) {
        Optional<Provider> route = settings.enabled() ? type(settings)
                .map(type -> Provider.of(new ProviderConfig(type, settings.name(), URI.create(settings.baseUrl()),
                        settings.keys(), settings.dumpDir().map(Path::of), settings.bedrock())))
                : Optional.empty();
        return new RoutedProvider(settings, route);
    }

    // A provider with Bedrock settings is routed through Bedrock, whether configured as type bedrock or anthropic; one of
    // type bedrock without them has nowhere to go.
    private static Optional<ProviderType> type(ProviderSettings settings) {
        return settings.bedrock().isPresent() ? Optional.of(ProviderType.BEDROCK)
                : ProviderType.parse(settings.type()).filter(type -> type != ProviderType.BEDROCK);
    }
}
