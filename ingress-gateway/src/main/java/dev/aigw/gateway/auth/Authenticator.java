package dev.aigw.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/** Turns the gateway credential of a request into the identity it stands for. */
public final class Authenticator {
    private static final Identity ADMIN = new Identity("admin", "admin", "admin-token");

    private final Optional<byte[]> adminToken;

    /** An authenticator that accepts the bootstrap admin token. */
    public Authenticator(Optional<String> adminToken) {
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken").map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** The identity of a presented credential, or empty when it is not valid. */
    public Optional<Identity> authenticate(String credential) {
        if (credential == null || adminToken.isEmpty()) {
            return Optional.empty();
        }
        // Constant-time comparison: a timing difference would tell an attacker how much of the token is right.
        boolean match = MessageDigest.isEqual(adminToken.get(), credential.getBytes(StandardCharsets.UTF_8));
        return match ? Optional.of(ADMIN) : Optional.empty();
    }
}
