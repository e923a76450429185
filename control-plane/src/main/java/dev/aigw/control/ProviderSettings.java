package dev.aigw.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider instance in plain text, as configured or as opened from the provider topic. Never logged whole:
 * {@link #toString()} shows only hints of its secrets.
 *
 * @param name    instance name, the route segment {@code /api/v2/aibridge/<name>/}
 * @param type    {@code anthropic}, {@code openai}, {@code copilot} or {@code bedrock}
 * @param baseUrl upstream base URL
 * @param keys    centralized provider keys (empty: BYOK only)
 * @param bedrock Bedrock settings: required for type {@code bedrock}, allowed for {@code anthropic} reached through Bedrock
 * @param dumpDir directory for request/response dumps, if any
 * @param enabled whether the gateway routes to it
 */
public record ProviderSettings(String name, String type, String baseUrl, List<String> keys, Optional<Bedrock> bedrock,
                               Optional<String> dumpDir, boolean enabled) {
    /** Types a provider may have. */
    public static final List<String> TYPES = List.of("anthropic", "openai", "copilot", "bedrock");

    /** Copies the key list and checks presence. */
    public ProviderSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(baseUrl, "baseUrl");
        keys = List.copyOf(keys);
        Objects.requireNonNull(bedrock, "bedrock");
        Objects.requireNonNull(dumpDir, "dumpDir");
    }

    /**
     * Bedrock settings.
     *
     * @param region          AWS region; blank when the provider's base URL names the Bedrock endpoint
     * @param accessKey       AWS access key id, if not from the default chain
     * @param accessKeySecret AWS secret access key, if not from the default chain
     * @param model           model id, blank when not set
     * @param smallFastModel  model id for small fast requests, blank when not set
     */
    public record Bedrock(String region, Optional<String> accessKey, Optional<String> accessKeySecret, String model,
                          String smallFastModel) {
        /** The Bedrock runtime endpoint of the region, the base URL when none is configured. */
        public String regionalEndpoint() {
            return "https://bedrock-runtime." + region + ".amazonaws.com";
        }

        @Override
        public String toString() {
            return "Bedrock[region=" + region + ", accessKey=" + accessKey.map(Hints::mask) + ", model=" + model + "]";
        }
    }

    /** Names of the fields that differ from {@code other}; secrets are compared but never shown. */
    public List<String> differingFields(ProviderSettings other) {
        List<String> fields = new ArrayList<>();
        addIf(fields, !type.equals(other.type), "type");
        addIf(fields, !baseUrl.equals(other.baseUrl), "base_url");
        addIf(fields, !keys.equals(other.keys), "keys");
        addIf(fields, !bedrock.equals(other.bedrock), "bedrock");
        addIf(fields, !dumpDir.equals(other.dumpDir), "dump_dir");
        addIf(fields, enabled != other.enabled, "enabled");
        return fields;
    }

    private static void addIf(List<String> fields, boolean differs, String field) {
        if (differs) {
            fields.add(field);
        }
    }

    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", type=" + type + ", baseUrl=" + baseUrl + ", keys="
                + keys.stream().map(Hints::mask).toList() + ", bedrock=" + bedrock + ", dumpDir=" + dumpDir
                + ", enabled=" + enabled + "]";
    }
}
