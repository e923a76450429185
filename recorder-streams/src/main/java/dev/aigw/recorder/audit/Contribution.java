package dev.aigw.recorder.audit;

import java.time.Instant;

/**
 * What one interception adds to its session and to its usage rollup.
 *
 * @param endedAt end of the interception, or null while it has none
 * @param prompt  its last prompt, or null
 * @param digest  hex of the interception's digest ({@link dev.aigw.servicekit.chain.RowDigest#interception}) once it is
 *                closed, or null while its rows may still change
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
                           InterceptionState.Prompt prompt,
                           String digest) {

    /** This contribution without its prompt text, which usage rollups do not need to carry. */
    public Contribution withoutPrompt() {
        return new Contribution(interceptionId, sessionId, initiatorId, initiatorUsername, client, provider, providerName,
                model, startedAt, lastActiveAt, endedAt, tokens, null, digest);
    }

    /** This contribution with the closed interception's digest. */
    public Contribution withDigest(String hex) {
        return new Contribution(interceptionId, sessionId, initiatorId, initiatorUsername, client, provider, providerName,
                model, startedAt, lastActiveAt, endedAt, tokens, prompt, hex);
    }
}
