package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Settings;
import dev.aigw.servicekit.config.Settings.Setting;
import dev.aigw.control.ProviderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The single-provider options from before indexed providers: {@code OPENAI_KEY}/{@code OPENAI_BASE_URL} make a
 * provider named {@code openai}; {@code ANTHROPIC_KEY}/{@code ANTHROPIC_BASE_URL}, or instead the
 * {@code BEDROCK_*} options, make one named {@code anthropic} (of type {@code bedrock} in the second case, as the
 * reference seeds it). Unlike indexed providers these are ordinary options: flags, variables or YAML keys.
 */
final class LegacyProviders {
    private static final List<String> BEDROCK = List.of("BEDROCK_REGION", "BEDROCK_BASE_URL", "BEDROCK_ACCESS_KEY",
            "BEDROCK_ACCESS_KEY_SECRET", "BEDROCK_MODEL", "BEDROCK_SMALL_FAST_MODEL");

    private LegacyProviders() {
    }

    /** The legacy providers configured, if any; an anthropic key together with Bedrock goes to {@code problems}. */
    static List<ProviderCandidate> read(Settings s, List<String> problems) {
        List<ProviderCandidate> candidates = new ArrayList<>();
        keyed(s, "openai", "OPENAI_").ifPresent(candidates::add);
        Optional<ProviderCandidate> anthropic = keyed(s, "anthropic", "ANTHROPIC_");
        Map<String, Setting> bedrock = new LinkedHashMap<>();
        BEDROCK.forEach(name -> s.setting(name).ifPresent(v -> bedrock.put(name, v)));
        if (bedrock.isEmpty()) {
            anthropic.ifPresent(candidates::add);
        } else if (anthropic.isPresent()) {
            problems.add(anthropic.get().label() + " and " + Settings.PREFIX + "BEDROCK_* are mutually exclusive: the legacy"
                    + " anthropic provider uses either a key or Bedrock");
        } else {
            viaBedrock(bedrock, problems).ifPresent(candidates::add);
        }
        return candidates;
    }

    private static Optional<ProviderCandidate> keyed(Settings s, String type, String prefix) {
        Optional<Setting> key = s.setting(prefix + "KEY");
        Optional<Setting> url = s.setting(prefix + "BASE_URL");
        if (key.isEmpty() && url.isEmpty()) {
            return Optional.empty();
        }
        String label = key.or(() -> url).orElseThrow().source();
        ProviderSettings settings = new ProviderSettings(type, type,
                url.map(Setting::value).orElseGet(() -> ProviderType.parse(type).flatMap(ProviderType::defaultBaseUrl).orElseThrow()),
                key.map(k -> List.of(k.value())).orElse(List.of()), Optional.empty(), Optional.empty(), true);
        return Optional.of(new ProviderCandidate(settings, label,
                Map.of("base_url", url.map(Setting::source).orElse(label), "keys", key.map(Setting::source).orElse(label))));
    }

    private static Optional<ProviderCandidate> viaBedrock(Map<String, Setting> given, List<String> problems) {
        ProviderSettings.Bedrock bedrock = new ProviderSettings.Bedrock(value(given, "BEDROCK_REGION").orElse(""),
                value(given, "BEDROCK_ACCESS_KEY"), value(given, "BEDROCK_ACCESS_KEY_SECRET"),
                value(given, "BEDROCK_MODEL").orElse(""), value(given, "BEDROCK_SMALL_FAST_MODEL").orElse(""));
        Optional<Setting> url = Optional.ofNullable(given.get("BEDROCK_BASE_URL"))
                .or(() -> Optional.ofNullable(given.get("BEDROCK_REGION"))
                        .map(region -> new Setting(bedrock.regionalEndpoint(), region.source())));
        if (url.isEmpty()) {
            problems.add(Settings.PREFIX + "BEDROCK_REGION or " + Settings.PREFIX + "BEDROCK_BASE_URL is required for Bedrock");
            return Optional.empty();
        }
        String label = given.values().iterator().next().source();
        ProviderSettings settings = new ProviderSettings("anthropic", "bedrock", url.get().value(), List.of(),
                Optional.of(bedrock), Optional.empty(), true);
        return Optional.of(new ProviderCandidate(settings, label, Map.of("base_url", url.get().source(),
                "bedrock.access_key", source(given, "BEDROCK_ACCESS_KEY"), "bedrock.model", source(given, "BEDROCK_MODEL"),
                "bedrock.small_fast_model", source(given, "BEDROCK_SMALL_FAST_MODEL"))));
    }

    // What set an option, or its variable name when nothing did, so a message about a missing one names it.
    private static String source(Map<String, Setting> given, String name) {
        return Optional.ofNullable(given.get(name)).map(Setting::source).orElse(Settings.PREFIX + name);
    }

    private static Optional<String> value(Map<String, Setting> given, String name) {
        return Optional.ofNullable(given.get(name)).map(Setting::value);
    }
}
