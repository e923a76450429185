package dev.aigw.gateway.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Provider kinds, as configuration and events name them, with the upstream each talks to by default. The kind of an
 * instance is what it is routed as: one with Bedrock settings is {@link #BEDROCK} whatever type it was configured with.
 */
public enum ProviderType {
    /** Anthropic Messages API. */
    ANTHROPIC(Optional.of("https://api.anthropic.com/")),
    /** OpenAI Chat Completions and Responses APIs (and compatible upstreams). */
    OPENAI(Optional.of("https://api.openai.com/v1/")),
    /** GitHub Copilot, always with the person's own token. */
    COPILOT(Optional.of("https://api.individual.githubcopilot.com")),
    /** Anthropic Messages API through Amazon Bedrock; its endpoint follows from the region. */
    BEDROCK(Optional.empty());

    private final Optional<String> defaultBaseUrl;

    ProviderType(Optional<String> defaultBaseUrl) {
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** Upstream base URL when none is configured; Bedrock has none without a region. */
    public Optional<String> defaultBaseUrl() {
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
