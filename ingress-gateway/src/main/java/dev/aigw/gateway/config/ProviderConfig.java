package dev.aigw.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One provider instance: clients reach it at {@code /api/v2/aibridge/<name>/…}.
 *
 * @param type    provider type
 * @param name    instance name, unique, {@code ^[a-z0-9]+(-[a-z0-9]+)*$}
 * @param baseUrl upstream base URL
 * @param keys    centralized provider keys (may be empty: BYOK only)
 */
public record ProviderConfig(ProviderType type, String name, URI baseUrl, List<String> keys) {
    /** Validates presence of every field. */
    public ProviderConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        keys = List.copyOf(keys);
    }

    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", name=" + name + ", baseUrl=" + baseUrl + ", keys=" + keys.size() + "]";
    }
}
