package dev.aigw.recorder.audit;

import java.time.Instant;

/**
 * What one interception adds to its session and to its usage rollup.
 *
 * @param endedAt end of the interception, or null while it has none
 * @param prompt  its last prompt, or null
 */
public record Contribution(String interceptionId,
                           String sessionId,
                           String initiatorId,
                           String initiatorUsername,
                           String client,
                           String provider,
                           String providerName,
                           String model,
                           Instant startedAt,
                           Instant lastActiveAt,
                           Instant endedAt,
                           Tokens tokens,
                           InterceptionState.Prompt prompt) {

    /** This contribution without its prompt text, which usage rollups do not need to carry. */
    public Contribution withoutPrompt() {
        return new Contribution(interceptionId, sessionId, initiatorId, initiatorUsername, client, provider, providerName,
                model, startedAt, lastActiveAt, endedAt, tokens, null);
    }
}
