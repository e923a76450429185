package dev.aigw.gateway.config;

import dev.aigw.schemas.config.Settings;
import dev.aigw.schemas.control.ProviderRules;
import dev.aigw.schemas.control.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the seeds' indexed providers ({@code …_PROVIDER_<N>_TYPE|NAME|KEY|KEYS|BASE_URL}) and checks their rules. */
final class ProvidersFromEnv {
    private static final Pattern INDEXED = Pattern.compile("(?:CODER_AI_GATEWAY_|CODER_AIBRIDGE_)PROVIDER_(\\d+)_.*");

    private ProvidersFromEnv() {
    }

    static List<ProviderConfig> read(Settings settings, List<String> problems) {
        Set<Integer> indices = new TreeSet<>();
        for (String name : settings.all().keySet()) {
            Matcher m = INDEXED.matcher(name);
            if (m.matches()) {
                indices.add(Integer.parseInt(m.group(1)));
            }
        }
        List<ProviderConfig> providers = new ArrayList<>();
        int expected = 0;
        for (int index : indices) {
            if (index != expected) {
                problems.add("provider num " + expected + " skipped: indices must start at 0 and be contiguous");
                return providers;
            }
            expected++;
            provider(settings, index, problems).ifPresent(providers::add);
        }
        Set<String> names = new HashSet<>();
        for (ProviderConfig p : providers) {
            if (!names.add(p.name())) {
                problems.add("provider name \"" + p.name() + "\" is used by more than one provider");
            }
        }
        return providers;
    }

    // The rules are the shared ones the admin API applies; their field names become this provider's variables.
    private static Optional<ProviderConfig> provider(Settings settings, int index, List<String> problems) {
        String at = Settings.PREFIX + "PROVIDER_" + index + "_";
        String typeName = settings.get("PROVIDER_" + index + "_TYPE", "").toLowerCase(Locale.ROOT);
        Optional<ProviderType> type = ProviderType.parse(typeName);
        if (type.isEmpty()) {
            problems.add(at + "TYPE must be one of anthropic, openai, copilot, got \"" + typeName + "\"");
            return Optional.empty();
        }
        List<String> keys = keys(settings, index, at, problems);
        ProviderSettings candidate = new ProviderSettings(settings.get("PROVIDER_" + index + "_NAME", typeName), typeName,
                settings.get("PROVIDER_" + index + "_BASE_URL", type.get().defaultBaseUrl()), keys, Optional.empty(),
                settings.get("PROVIDER_" + index + "_DUMP_DIR"), true);
        List<String> broken = ProviderRules.problems(candidate);
        broken.stream().map(problem -> at + variable(problem)).forEach(problems::add);
        return broken.isEmpty()
                ? Optional.of(new ProviderConfig(type.get(), candidate.name(), URI.create(candidate.baseUrl()), keys,
                        candidate.dumpDir().map(Path::of)))
                : Optional.empty();
    }

    /** {@code name "x" must match …} becomes {@code NAME "x" must match …}. */
    private static String variable(String problem) {
        int space = problem.indexOf(' ');
        return problem.substring(0, space).toUpperCase(Locale.ROOT) + problem.substring(space);
    }

    private static List<String> keys(Settings settings, int index, String at, List<String> problems) {
        Optional<String> key = settings.get("PROVIDER_" + index + "_KEY");
        Optional<String> keyList = settings.get("PROVIDER_" + index + "_KEYS");
        if (key.isPresent() && keyList.isPresent()) {
            problems.add(at + "KEY and " + at + "KEYS are mutually exclusive");
            return List.of();
        }
        return key.map(List::of)
                .orElseGet(() -> keyList.map(v -> Arrays.stream(v.split(",", -1)).map(String::strip).toList()).orElse(List.of()));
    }
}
