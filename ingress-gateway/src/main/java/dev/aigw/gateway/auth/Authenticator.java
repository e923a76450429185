package dev.aigw.gateway.auth;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.KeyVerdict;
import dev.aigw.control.KeyVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Turns the gateway credential of a request into the identity it stands for: the admin token or a gateway key. */
public final class Authenticator {
    private static final Identity ADMIN = new Identity("admin", "admin", "admin-token");

    private final Optional<byte[]> adminToken;
    private final Function<String, Optional<KeyEvent>> keys;
    private final Clock clock;

    /** An authenticator over the bootstrap admin token and the key view (by key id). */
    public Authenticator(Optional<String> adminToken, Function<String, Optional<KeyEvent>> keys, Clock clock) {
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken").map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The identity of a presented credential, or why it is refused. */
    public AuthResult authenticate(String credential) {
        if (credential == null) {
            return new AuthResult.Refused(KeyVerifier.INVALID);
        }
        // Constant-time comparison: a timing difference would tell an attacker how much of the token is right.
        if (adminToken.isPresent() && MessageDigest.isEqual(adminToken.get(), credential.getBytes(StandardCharsets.UTF_8))) {
            return new AuthResult.Accepted(ADMIN);
        }
        return switch (KeyVerifier.verify(credential, keys, clock.instant())) {
            case KeyVerdict.Valid valid -> new AuthResult.Accepted(
                    new Identity(valid.key().getUserId(), valid.key().getUsername(), valid.keyId()));
            case KeyVerdict.Refused refused -> new AuthResult.Refused(refused.reason());
        };
    }
}
