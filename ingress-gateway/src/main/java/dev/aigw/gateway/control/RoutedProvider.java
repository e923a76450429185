package dev.aigw.gateway.control;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.schemas.control.ProviderSettings;
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
        // Bedrock (type bedrock, or anthropic through Bedrock) needs request signing this node does not do yet, so such
        // a provider is kept on the topic but not routed.
        Optional<ProviderConfig> route = settings.enabled() && settings.bedrock().isEmpty()
                ? ProviderType.parse(settings.type())
                        .map(type -> new ProviderConfig(type, settings.name(), URI.create(settings.baseUrl()), settings.keys(),
                                settings.dumpDir().map(Path::of)))
                : Optional.empty();
        return new RoutedProvider(settings, route);
    }
}
