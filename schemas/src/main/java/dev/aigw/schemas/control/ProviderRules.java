package dev.aigw.schemas.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The seeds' rules for a provider definition, shared by environment configuration and the admin API. */
public final class ProviderRules {
    /** Pattern of a provider instance name. */
    public static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** Most centralized keys one provider may have. */
    public static final int MAX_KEYS = 5;

    private ProviderRules() {
    }

    /** Every rule the definition breaks, each naming its field (snake_case, as in the API); empty when valid. */
    public static List<String> problems(ProviderSettings p) {
        List<String> problems = new ArrayList<>();
        if (!NAME.matcher(p.name()).matches()) {
            problems.add("name \"" + p.name() + "\" must match " + NAME.pattern());
        }
        if (!ProviderSettings.TYPES.contains(p.type())) {
            problems.add("type must be one of " + String.join(", ", ProviderSettings.TYPES) + ", got \"" + p.type() + "\"");
        }
        baseUrlProblem(p.baseUrl()).ifPresent(problems::add);
        keyProblems(p, problems);
        if (p.type().equals("bedrock")) {
            p.bedrock().ifPresentOrElse(b -> {
                if (b.region().isBlank()) {
                    problems.add("bedrock.region is required for type bedrock");
                }
                if (b.model().isBlank()) {
                    problems.add("bedrock.model is required for type bedrock");
                }
                if (b.accessKey().isPresent() != b.accessKeySecret().isPresent()) {
                    problems.add("bedrock.access_key and bedrock.access_key_secret must be given together");
                }
            }, () -> problems.add("bedrock is required for type bedrock"));
        } else if (p.bedrock().isPresent()) {
            problems.add("bedrock is only allowed for type bedrock");
        }
        return problems;
    }

    private static void keyProblems(ProviderSettings p, List<String> problems) {
        if (p.type().equals("copilot") && !p.keys().isEmpty()) {
            problems.add("keys are not allowed for copilot: it always uses the person's own token");
        }
        if (p.keys().size() > MAX_KEYS) {
            problems.add("keys has " + p.keys().size() + " keys; at most " + MAX_KEYS + " are allowed");
        }
        if (p.keys().stream().anyMatch(String::isBlank)) {
            problems.add("keys contains an empty key");
        }
        if (new HashSet<>(p.keys()).size() != p.keys().size()) {
            problems.add("keys contains a duplicate key");
        }
    }

    private static Optional<String> baseUrlProblem(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.of("base_url is not a valid URL: " + e.getMessage());
        }
        return Optional.of("base_url \"" + value + "\" needs an http or https scheme and a host");
    }
}
