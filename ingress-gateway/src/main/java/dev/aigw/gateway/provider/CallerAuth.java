package dev.aigw.gateway.provider;

/** Which credentials a caller of a provider kind presents; the gateway key is always one of them. */
public enum CallerAuth {
    /** The gateway key alone, for a central provider key, or with the caller's own provider key (BYOK). */
    CENTRAL_OR_BYOK,
    /** The caller's own provider token, always, with the gateway key in the governance header (Copilot). */
    PER_USER_TOKEN,
    /** The gateway key alone: the gateway signs every upstream call itself (Bedrock). */
    CENTRAL_ONLY
}
