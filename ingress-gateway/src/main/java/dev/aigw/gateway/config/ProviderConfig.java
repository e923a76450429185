package dev.aigw.gateway.config;

import dev.aigw.control.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider instance: clients reach it at {@code /api/v2/aibridge/<name>/…}.
 *
 * @param type    provider kind; {@link ProviderType#BEDROCK} exactly when {@code bedrock} is present
 * @param name    instance name, unique, {@code ^[a-z0-9]+(-[a-z0-9]+)*$}
 * @param baseUrl upstream base URL: the Bedrock runtime endpoint for a Bedrock provider
 * @param keys    centralized provider keys (may be empty: BYOK only, or Bedrock)
 * @param dumpDir this provider's own API dump directory, if set
 * @param bedrock present when requests go to Amazon Bedrock (configured as type {@code bedrock}, or {@code anthropic}
 *                with Bedrock settings) instead of to {@code baseUrl} as they are
 */
public record ProviderConfig(ProviderType type, String name, URI baseUrl, List<String> keys, Optional<Path> dumpDir,
                             Optional<ProviderSettings.Bedrock> bedrock) {
    /** Validates presence of every field. */
    public ProviderConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        keys = List.copyOf(keys);
        Objects.requireNonNull(dumpDir, "dumpDir");
        Objects.requireNonNull(bedrock, "bedrock");
        if ((type == ProviderType.BEDROCK) != bedrock.isPresent()) {
            throw new IllegalArgumentException("provider " + name + " is of kind " + type.wireName()
                    + (bedrock.isPresent() ? " with" : " without") + " Bedrock settings");
        }
    }

    /** A provider whose upstream is called directly, not through Bedrock. */
    public ProviderConfig(ProviderType type, String name, URI baseUrl, List<String> keys, Optional<Path> dumpDir) {
        this(type, name, baseUrl, keys, dumpDir, Optional.empty());
    }

    @Override
    public String toString() {
        return "ProviderConfig[type=" + type + ", name=" + name + ", baseUrl=" + baseUrl + ", keys=" + keys.size()
                + ", bedrock=" + bedrock + "]";
    }
}
