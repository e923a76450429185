package dev.aigw.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider instance: clients reach it at {@code /api/v2/aibridge/<name>/…}.
 *
 * @param type    provider type
 * @param name    instance name, unique, {@code ^[a-z0-9]+(-[a-z0-9]+)*$}
 * @param baseUrl upstream base URL
 * @param keys    centralized provider keys (may be empty: BYOK only)
 * @param dumpDir this provider's own API dump directory, if set
 */
public record ProviderConfig(ProviderType type, String name, URI baseUrl, List<String> keys, Optional<Path> dumpDir) {
    /** Validates presence of every field. */
    public ProviderConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        keys = List.copyOf(keys);
        Objects.requireNonNull(dumpDir, "dumpDir");
    }

    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", name=" + name + ", baseUrl=" + baseUrl + ", keys=" + keys.size() + "]";
    }
}
