package dev.aigw.gateway.config;

import dev.aigw.control.ProviderSettings;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Providers every gateway has unless one of the same name is configured: the three GitHub Copilot plans and ChatGPT
 * (Codex with a ChatGPT subscription). None has a key: people always bring their own token.
 */
final class BuiltinProviders {
    private static final List<ProviderSettings> ALL = List.of(
            builtin("copilot", "copilot", ProviderType.COPILOT.defaultBaseUrl().orElseThrow()),
            builtin("copilot-business", "copilot", "https://api.business.githubcopilot.com"),
            builtin("copilot-enterprise", "copilot", "https://api.enterprise.githubcopilot.com"),
            builtin("chatgpt", "openai", "https://chatgpt.com/backend-api/codex"));

    private BuiltinProviders() {
    }

    /** The built-ins whose names are not in {@code taken}. */
    static List<ProviderSettings> missingFrom(Set<String> taken) {
        return ALL.stream().filter(p -> !taken.contains(p.name())).toList();
    }

    private static ProviderSettings builtin(String name, String type, String baseUrl) {
        return new ProviderSettings(name, type, baseUrl, List.of(), Optional.empty(), Optional.empty(), true);
    }
}
