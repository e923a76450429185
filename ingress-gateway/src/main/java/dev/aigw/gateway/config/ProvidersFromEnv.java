package dev.aigw.gateway.config;

import dev.aigw.schemas.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the seeds' indexed providers ({@code …_PROVIDER_<N>_TYPE|NAME|KEY|KEYS|BASE_URL}) and checks their rules. */
final class ProvidersFromEnv {
    private static final Pattern INDEXED = Pattern.compile("(?:CODER_AI_GATEWAY_|CODER_AIBRIDGE_)PROVIDER_(\\d+)_.*");
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_KEYS = 5;

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

    private static Optional<ProviderConfig> provider(Settings settings, int index, List<String> problems) {
        String at = "PROVIDER_" + index + "_";
        Optional<ProviderType> type = settings.get(at + "TYPE").flatMap(ProviderType::parse);
        if (type.isEmpty()) {
            problems.add(Settings.PREFIX + at + "TYPE must be one of anthropic, openai, copilot");
            return Optional.empty();
        }
        String name = settings.get(at + "NAME", type.get().wireName());
        if (!NAME.matcher(name).matches()) {
            problems.add(Settings.PREFIX + at + "NAME \"" + name + "\" must match " + NAME.pattern());
        }
        List<String> keys = keys(settings, at, problems);
        if (type.get() == ProviderType.COPILOT && !keys.isEmpty()) {
            problems.add(Settings.PREFIX + at + "KEY is not allowed for copilot: it always uses the person's own token");
        }
        return baseUrl(settings.get(at + "BASE_URL", type.get().defaultBaseUrl()), at, problems)
                .map(url -> new ProviderConfig(type.get(), name, url, keys));
    }

    private static List<String> keys(Settings settings, String at, List<String> problems) {
        Optional<String> key = settings.get(at + "KEY");
        Optional<String> keyList = settings.get(at + "KEYS");
        if (key.isPresent() && keyList.isPresent()) {
            problems.add(Settings.PREFIX + at + "KEY and " + Settings.PREFIX + at + "KEYS are mutually exclusive");
            return List.of();
        }
        if (key.isPresent()) {
            return List.of(key.get());
        }
        List<String> keys = keyList.map(v -> Arrays.stream(v.split(",", -1)).map(String::strip).toList()).orElse(List.of());
        if (keys.size() > MAX_KEYS) {
            problems.add(Settings.PREFIX + at + "KEYS has " + keys.size() + " keys; at most " + MAX_KEYS + " are allowed");
        }
        if (keys.stream().anyMatch(String::isEmpty)) {
            problems.add(Settings.PREFIX + at + "KEYS contains an empty key");
        }
        if (new HashSet<>(keys).size() != keys.size()) {
            problems.add(Settings.PREFIX + at + "KEYS contains a duplicate key");
        }
        return keys;
    }

    private static Optional<URI> baseUrl(String value, String at, List<String> problems) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(value, "needs an http or https scheme and a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(Settings.PREFIX + at + "BASE_URL is not a valid URL: " + e.getMessage());
            return Optional.empty();
        }
    }
}
