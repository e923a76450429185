package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.Settings;
import dev.aigw.control.ProviderSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured providers: the indexed ones, then the legacy single-provider ones, then the missing built-ins. */
final class Providers {
    private Providers() {
    }

    /** Every valid definition; each broken rule and each reused name goes to {@code problems}. */
    static List<ProviderSettings> read(Settings settings, List<String> problems) {
        List<ProviderCandidate> candidates = new ArrayList<>(IndexedProviders.read(settings.environment(), problems));
        candidates.addAll(LegacyProviders.read(settings, problems));
        Map<String, String> owners = new LinkedHashMap<>();
        List<ProviderSettings> providers = new ArrayList<>();
        for (ProviderCandidate candidate : candidates) {
            List<String> broken = candidate.problems();
            problems.addAll(broken);
            String name = candidate.settings().name();
            String owner = owners.putIfAbsent(name, candidate.label());
            if (owner != null) {
                problems.add("provider name \"" + name + "\" is used by both " + owner + " and " + candidate.label()
                        + ": names must be unique (two providers of one TYPE need explicit NAMEs; remove a legacy variable"
                        + " that names the same provider as an indexed one)");
            } else if (broken.isEmpty()) {
                providers.add(candidate.settings());
            }
        }
        providers.addAll(BuiltinProviders.missingFrom(owners.keySet()));
        return providers;
    }
}
