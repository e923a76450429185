package dev.aigw.gateway.auth;

import java.util.Optional;
import java.util.function.Function;

/** The credentials a request presents, and so whose provider credential goes upstream. */
public sealed interface Presented {
    /** The governance header: the gateway key is there, and the person's own provider credential stays for upstream. */
    String GOVERNANCE_HEADER = "X-Coder-AI-Governance-Token";

    /** A gateway key in {@code Authorization: Bearer} or {@code X-Api-Key}; the provider's configured key goes upstream. */
    record Centralized(String gatewayKey) implements Presented {
    }

    /**
     * Bring your own key: the gateway key in the governance header, the person's provider credential untouched.
     *
     * @param gatewayKey         the gateway key
     * @param providerCredential the provider credential as sent ({@code X-Api-Key} wins over {@code Authorization}),
     *                           empty when the client sent none
     */
    record Byok(String gatewayKey, Optional<String> providerCredential) implements Presented {
    }

    /** No gateway credential at all. */
    record Missing() implements Presented {
    }

    /** What a request presents, from a case-insensitive header look-up. */
    static Presented of(Function<String, Optional<String>> header) {
        Optional<String> governance = header.apply(GOVERNANCE_HEADER).map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> apiKey = header.apply("X-Api-Key").map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> bearer = header.apply("Authorization").map(String::strip).map(Presented::withoutScheme)
                .filter(v -> !v.isEmpty());
        if (governance.isPresent()) {
            return new Byok(governance.get(), apiKey.or(() -> bearer));
        }
        return bearer.or(() -> apiKey).<Presented>map(Centralized::new).orElseGet(Missing::new);
    }

    private static String withoutScheme(String authorization) {
        boolean bearer = authorization.regionMatches(true, 0, "Bearer", 0, 6)
                && (authorization.length() == 6 || Character.isWhitespace(authorization.charAt(6)));
        return bearer ? authorization.substring(6).strip() : authorization;
    }
}
