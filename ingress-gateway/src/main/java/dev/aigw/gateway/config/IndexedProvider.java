package dev.aigw.gateway.config;

import dev.aigw.control.ProviderRules;
import dev.aigw.control.ProviderSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One indexed provider's fields ({@code TYPE}, {@code NAME}, …) as a definition for the shared rules. */
final class IndexedProvider {
    /** The fields a provider may have; others are warned about and ignored. */
    static final Set<String> FIELDS = Set.of("TYPE", "NAME", "KEY", "KEYS", "BASE_URL", "DUMP_DIR", "BEDROCK_BASE_URL",
            "BEDROCK_REGION", "BEDROCK_ACCESS_KEY", "BEDROCK_ACCESS_KEYS", "BEDROCK_ACCESS_KEY_SECRET",
            "BEDROCK_ACCESS_KEY_SECRETS", "BEDROCK_MODEL", "BEDROCK_SMALL_FAST_MODEL");

    private IndexedProvider() {
    }

    /** A list given by a singular or a plural variable, and which one it was (to name in messages). */
    private record Listed(String variable, List<String> values) {
        Optional<String> first() {
            return values.stream().findFirst();
        }
    }

    /**
     * The candidate for the fields of {@code at} (e.g. {@code CODER_AI_GATEWAY_PROVIDER_0_}); empty, with the reasons in
     * {@code problems}, when the fields cannot even make a definition.
     */
    static Optional<ProviderCandidate> read(String at, Map<String, String> fields, List<String> problems) {
        Optional<String> type = value(fields, "TYPE").map(t -> t.toLowerCase(Locale.ROOT));
        if (type.isEmpty() || !ProviderSettings.TYPES.contains(type.get())) {
            problems.add(type.map(t -> at + "TYPE must be one of " + String.join(", ", ProviderSettings.TYPES) + ", got \""
                    + t + "\"").orElse(at + "TYPE is required"));
            return Optional.empty();
        }
        Listed keys = list(fields, at, "KEY", "KEYS", problems);
        Optional<ProviderSettings.Bedrock> bedrock = bedrock(fields, at, problems);
        if (type.get().equals("bedrock") && bedrock.isEmpty()) {
            problems.add(at + "TYPE bedrock requires BEDROCK_* fields (at least BEDROCK_REGION or BEDROCK_BASE_URL)");
            return Optional.empty();
        }
        Optional<Sourced> baseUrl = baseUrl(fields, at, type.get(), bedrock);
        if (baseUrl.isEmpty()) {
            problems.add(at + "BEDROCK_REGION or " + at + "BEDROCK_BASE_URL is required for Bedrock");
            return Optional.empty();
        }
        ProviderSettings settings = new ProviderSettings(value(fields, "NAME").orElse(type.get()), type.get(),
                baseUrl.get().value(), keys.values(), bedrock, value(fields, "DUMP_DIR"), true);
        return Optional.of(new ProviderCandidate(settings, at.substring(0, at.length() - 1), Map.of("name", at + "NAME",
                "type", at + "TYPE", "base_url", baseUrl.get().variable(), "keys", keys.variable(), "bedrock",
                at + "BEDROCK_*", "bedrock.model", at + "BEDROCK_MODEL", "bedrock.small_fast_model",
                at + "BEDROCK_SMALL_FAST_MODEL")));
    }

    /** A value and the variable it follows from. */
    private record Sourced(String variable, String value) {
    }

    // Bedrock's endpoint follows from its region unless a URL is given; the other types have a default upstream.
    private static Optional<Sourced> baseUrl(Map<String, String> fields, String at, String type,
                                             Optional<ProviderSettings.Bedrock> bedrock) {
        Optional<Sourced> given = value(fields, "BASE_URL").map(url -> new Sourced(at + "BASE_URL", url));
        if (bedrock.isEmpty()) {
            return given.or(() -> Optional.of(new Sourced(at + "BASE_URL",
                    ProviderType.parse(type).flatMap(ProviderType::defaultBaseUrl).orElseThrow())));
        }
        return value(fields, "BEDROCK_BASE_URL").map(url -> new Sourced(at + "BEDROCK_BASE_URL", url))
                .or(() -> given)
                .or(() -> bedrock.filter(b -> !b.region().isBlank())
                        .map(b -> new Sourced(at + "BEDROCK_REGION", b.regionalEndpoint())));
    }

    private static Optional<ProviderSettings.Bedrock> bedrock(Map<String, String> fields, String at, List<String> problems) {
        if (fields.entrySet().stream().noneMatch(f -> f.getKey().startsWith("BEDROCK_") && !f.getValue().isBlank())) {
            return Optional.empty();
        }
        Listed ids = list(fields, at, "BEDROCK_ACCESS_KEY", "BEDROCK_ACCESS_KEYS", problems);
        Listed secrets = list(fields, at, "BEDROCK_ACCESS_KEY_SECRET", "BEDROCK_ACCESS_KEY_SECRETS", problems);
        problems.addAll(ProviderRules.listProblems(ids.variable(), ids.values()));
        problems.addAll(ProviderRules.listProblems(secrets.variable(), secrets.values()));
        boolean paired = ids.values().size() == secrets.values().size();
        if (!paired) {
            problems.add(ids.variable() + " count (" + ids.values().size() + ") must match " + secrets.variable()
                    + " count (" + secrets.values().size() + ")");
        } else if (ids.values().size() > 1) {
            // The topic's Bedrock record holds one credential pair; several wait for Bedrock key failover.
            problems.add(ids.variable() + " has " + ids.values().size() + " access keys; only one pair is supported for now");
        }
        return Optional.of(new ProviderSettings.Bedrock(value(fields, "BEDROCK_REGION").orElse(""),
                paired ? ids.first() : Optional.empty(), paired ? secrets.first() : Optional.empty(),
                value(fields, "BEDROCK_MODEL").orElse(""), value(fields, "BEDROCK_SMALL_FAST_MODEL").orElse("")));
    }

    private static Listed list(Map<String, String> fields, String at, String single, String plural, List<String> problems) {
        Optional<String> one = value(fields, single);
        Optional<String> many = value(fields, plural);
        if (one.isPresent() && many.isPresent()) {
            problems.add(at + single + " and " + at + plural + " are mutually exclusive");
            return new Listed(at + plural, List.of());
        }
        return one.map(v -> new Listed(at + single, List.of(v)))
                .orElseGet(() -> new Listed(at + plural,
                        many.map(v -> Arrays.stream(v.split(",", -1)).map(String::strip).toList()).orElse(List.of())));
    }

    private static Optional<String> value(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }
}
