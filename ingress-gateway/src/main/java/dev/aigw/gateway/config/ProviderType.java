package dev.aigw.gateway.config;

import java.util.Locale;
import java.util.Optional;

/** Provider types of the seeds, with the upstream each talks to by default. */
public enum ProviderType {
    /** Anthropic Messages API. */
    ANTHROPIC("https://api.anthropic.com/"),
    /** OpenAI Chat Completions and Responses APIs (and compatible upstreams). */
    OPENAI("https://api.openai.com/v1/"),
    /** GitHub Copilot, always with the person's own token. */
    COPILOT("https://api.individual.githubcopilot.com");

    private final String defaultBaseUrl;

    ProviderType(String defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** Upstream base URL when none is configured. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Lowercase name as written in configuration and events. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named in configuration, if known. */
    public static Optional<ProviderType> parse(String value) {
        for (ProviderType t : values()) {
            if (t.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
