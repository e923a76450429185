package dev.aigw.control;

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
        problems.addAll(listProblems("keys", p.keys()));
        credentialProblems(p, problems);
        return problems;
    }

    /** The rules of a credential list such as {@code keys}: at most {@value #MAX_KEYS}, none empty, none repeated. */
    public static List<String> listProblems(String field, List<String> values) {
        List<String> problems = new ArrayList<>();
        if (values.size() > MAX_KEYS) {
            problems.add(field + " has " + values.size() + " values; at most " + MAX_KEYS + " are allowed");
        }
        if (values.stream().anyMatch(String::isBlank)) {
            problems.add(field + " contains an empty value");
        }
        if (new HashSet<>(values).size() != values.size()) {
            problems.add(field + " contains a duplicate value");
        }
        return problems;
    }

    // Copilot always uses the person's own token; Bedrock signs with AWS credentials, which an anthropic provider
    // may use instead of keys (the seeds' "Anthropic via AWS Bedrock").
    private static void credentialProblems(ProviderSettings p, List<String> problems) {
        boolean keys = !p.keys().isEmpty();
        if (keys && (p.type().equals("copilot") || p.type().equals("bedrock"))) {
            problems.add("keys must not be set for type " + p.type() + ": it never sends a provider key");
        }
        if (p.type().equals("bedrock") && p.bedrock().isEmpty()) {
            problems.add("bedrock settings are required for type bedrock");
        }
        p.bedrock().ifPresent(b -> {
            if (!p.type().equals("anthropic") && !p.type().equals("bedrock")) {
                problems.add("bedrock settings are only allowed for types anthropic and bedrock");
            } else if (keys && p.type().equals("anthropic")) {
                problems.add("keys cannot be combined with bedrock settings: a provider uses one or the other");
            }
            if (b.accessKey().isPresent() != b.accessKeySecret().isPresent()) {
                problems.add("bedrock.access_key and bedrock.access_key_secret must be given together");
            }
            // The seeds require both: Bedrock knows no Anthropic model names, so every request needs a Bedrock model id.
            if (b.model().isBlank()) {
                problems.add("bedrock.model is required: the Bedrock model id requests are sent to");
            }
            if (b.smallFastModel().isBlank()) {
                problems.add("bedrock.small_fast_model is required: the Bedrock model id requests for a haiku model are sent to");
            }
        });
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
