package dev.aigw.query.http;

import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.control.KeyVerdict;
import dev.aigw.control.KeyVerifier;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** Authenticates the caller's bearer credential (the bootstrap admin token or a gateway key) and checks roles. */
public final class AdminAuth {
    private static final Caller ADMIN = new Caller("admin", "admin", KeyRole.ADMIN, "admin-token");

    private final Optional<byte[]> adminToken;
    private final Function<String, Optional<KeyEvent>> keys;
    private final Clock clock;

    /** An auth check over the admin token and the key view (by key id). */
    public AdminAuth(Optional<String> adminToken, Function<String, Optional<KeyEvent>> keys, Clock clock) {
        this.adminToken = adminToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.keys = keys;
        this.clock = clock;
    }

    /** Requires an admin. */
    Caller requireAdmin(ServerRequest req) {
        Caller caller = caller(req);
        if (!caller.admin()) {
            throw forbidden("this endpoint needs the admin role");
        }
        return caller;
    }

    /** Any authenticated caller; 401 naming why a credential is refused. */
    Caller caller(ServerRequest req) {
        String credential = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip())
                .orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401, "Unauthorized.", "no bearer credential"));
        // Constant-time comparison: a timing difference would tell an attacker how much of the token is right.
        if (adminToken.isPresent() && MessageDigest.isEqual(adminToken.get(), credential.getBytes(StandardCharsets.UTF_8))) {
            return ADMIN;
        }
        return switch (KeyVerifier.verify(credential, keys, clock.instant())) {
            case KeyVerdict.Valid valid -> new Caller(valid.key().getUserId(), valid.key().getUsername(), valid.key().getRole(),
                    valid.keyId());
            case KeyVerdict.Refused refused -> throw new ApiException(Status.UNAUTHORIZED_401, "Unauthorized.", refused.reason());
        };
    }

    static ApiException forbidden(String detail) {
        return new ApiException(Status.FORBIDDEN_403, "Forbidden.", detail);
    }
}
