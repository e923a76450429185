package dev.aigw.query.http;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRevoked;
import dev.aigw.control.KeyVerifier;
import java.time.Instant;
import java.util.Locale;

/**
 * A gateway key as the API shows it: never the secret or its hash, only the masked hint.
 *
 * @param id        key id
 * @param userId    owner
 * @param username  owner's display name
 * @param role      member, auditor or admin
 * @param name      label
 * @param hint      masked key
 * @param createdAt creation time
 * @param expiresAt expiry, or null
 * @param revokedAt revocation time, or null
 * @param status    active, expired or revoked
 */
record KeyView(String id, String userId, String username, String role, String name, String hint, Instant createdAt,
               Instant expiresAt, Instant revokedAt, String status) {
    static KeyView of(String id, KeyEvent event, Instant now) {
        KeyIssued k = KeyVerifier.issued(event);
        Instant revokedAt = event.getPayload() instanceof KeyRevoked r ? r.getRevokedAt() : null;
        String status = revokedAt != null ? "revoked"
                : k.getExpiresAt() != null && !now.isBefore(k.getExpiresAt()) ? "expired" : "active";
        return new KeyView(id, k.getUserId(), k.getUsername(), k.getRole().name().toLowerCase(Locale.ROOT), k.getName(),
                k.getHint(), k.getCreatedAt(), k.getExpiresAt(), revokedAt, status);
    }
}
