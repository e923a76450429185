package dev.aigw.query.http;

import dev.aigw.control.v1.KeyRole;

/**
 * Who is calling the API.
 *
 * @param userId   user id of the key's owner ({@code admin} for the admin token)
 * @param username display name
 * @param role     what the caller may do
 * @param keyId    id of the gateway key used, or {@code admin-token}
 */
public record Caller(String userId, String username, KeyRole role, String keyId) {
    /** Whether the caller may manage keys and providers of everyone. */
    public boolean admin() {
        return role == KeyRole.ADMIN;
    }
}
