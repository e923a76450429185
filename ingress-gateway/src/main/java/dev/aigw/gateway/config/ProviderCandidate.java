package dev.aigw.gateway.config;

import dev.aigw.control.ProviderRules;
import dev.aigw.control.ProviderSettings;
import java.util.List;
import java.util.Map;

/**
 * A provider definition read from configuration, with what the operator wrote for each field, so that the shared
 * rules' problems ({@code keys must not be set …}) name a variable ({@code CODER_AI_GATEWAY_PROVIDER_1_KEY must not
 * be set …}).
 *
 * @param settings  the definition
 * @param label     how messages name the provider as a whole, e.g. {@code CODER_AI_GATEWAY_PROVIDER_0}
 * @param variables what set each rule field ({@code name}, {@code type}, {@code base_url}, {@code keys},
 *                  {@code bedrock}, {@code bedrock.access_key}); a field missing here is named by the label
 */
record ProviderCandidate(ProviderSettings settings, String label, Map<String, String> variables) {
    /** The shared rules' problems with this provider's variable names. */
    List<String> problems() {
        return ProviderRules.problems(settings).stream().map(this::named).toList();
    }

    private String named(String problem) {
        int space = problem.indexOf(' ');
        String variable = variables.get(problem.substring(0, space));
        return variable != null ? variable + problem.substring(space) : label + ": " + problem;
    }
}
