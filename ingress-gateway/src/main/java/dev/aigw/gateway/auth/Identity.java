package dev.aigw.gateway.auth;

import java.util.Objects;

/**
 * The person a request acts for.
 *
 * @param userId   stable user id
 * @param username display name
 * @param keyId    id of the gateway credential used (never the secret)
 */
public record Identity(String userId, String username, String keyId) {
    /** Validates presence of every field. */
    public Identity {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(keyId, "keyId");
    }
}
