package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Deprecation;
import dev.aigw.servicekit.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The seeds' indexed providers, {@code CODER_AI_GATEWAY_PROVIDER_<N>_<FIELD>} (or, deprecated,
 * {@code CODER_AIBRIDGE_PROVIDER_<N>_<FIELD>}): environment variables only, as in the reference.
 */
final class IndexedProviders {
    /** Prefix of the indexed variables. */
    static final String PREFIX = Settings.PREFIX + "PROVIDER_";
    /** Deprecated prefix of the indexed variables; one set of providers may not use both. */
    static final String LEGACY_PREFIX = Settings.LEGACY_PREFIX + "PROVIDER_";
    private static final Logger LOG = Logger.getLogger(IndexedProviders.class.getName());

    private IndexedProviders() {
    }

    /** A candidate per index, in index order; malformed variables and skipped indices go to {@code problems}. */
    static List<ProviderCandidate> read(Map<String, String> env, List<String> problems) {
        boolean legacy = env.keySet().stream().anyMatch(k -> k.startsWith(LEGACY_PREFIX));
        if (legacy && env.keySet().stream().anyMatch(k -> k.startsWith(PREFIX))) {
            problems.add("cannot mix " + LEGACY_PREFIX + "* and " + PREFIX + "* environment variables: use " + PREFIX
                    + "* only");
            return List.of();
        }
        String prefix = legacy ? LEGACY_PREFIX : PREFIX;
        SortedMap<Integer, Map<String, String>> fieldsByIndex = new TreeMap<>();
        new TreeMap<>(env).forEach((variable, value) -> {
            if (variable.startsWith(prefix)) {
                if (legacy) {
                    Deprecation.warnOnce(variable, PREFIX + variable.substring(LEGACY_PREFIX.length()));
                }
                field(variable, variable.substring(prefix.length()), problems).ifPresent(f -> fieldsByIndex
                        .computeIfAbsent(f.index(), i -> new HashMap<>()).put(f.name(), value.strip()));
            }
        });
        int expected = 0;
        for (int index : fieldsByIndex.keySet()) {
            if (index != expected) {
                problems.add("provider num " + expected + " skipped: " + prefix + index + "_* is set but " + prefix + expected
                        + "_* is not (indices start at 0 and are contiguous)");
                return List.of();
            }
            expected++;
        }
        List<ProviderCandidate> candidates = new ArrayList<>();
        fieldsByIndex.forEach((index, fields) ->
                IndexedProvider.read(prefix + index + "_", fields, problems).ifPresent(candidates::add));
        return candidates;
    }

    private record Field(int index, String name) {
    }

    // Field names are matched without regard to case, as the reference does.
    private static Optional<Field> field(String variable, String rest, List<String> problems) {
        int underscore = rest.indexOf('_');
        if (underscore <= 0) {
            problems.add(variable + ": expected <N>_<FIELD> after the prefix");
            return Optional.empty();
        }
        String number = rest.substring(0, underscore);
        if (!number.chars().allMatch(Character::isDigit) || number.length() > 4) {
            problems.add(variable + ": parse number: the provider index \"" + number + "\" is not a number below 10000");
            return Optional.empty();
        }
        String name = rest.substring(underscore + 1).toUpperCase(Locale.ROOT);
        if (!IndexedProvider.FIELDS.contains(name)) {
            LOG.warning("ignoring unknown AI provider field " + variable + " (check for typos)");
            return Optional.empty();
        }
        return Optional.of(new Field(Integer.parseInt(number), name));
    }
}
