package dev.aigw.query.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Checks the caller's bearer credential against the bootstrap admin token. */
public final class AdminAuth {
    private final Optional<byte[]> adminToken;

    /** An auth check that accepts only the given admin token. */
    public AdminAuth(Optional<String> adminToken) {
        this.adminToken = adminToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    void require(ServerRequest req) {
        String credential = req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip())
                .orElseThrow(() -> new ApiException(Status.UNAUTHORIZED_401, "Unauthorized.", "no bearer credential"));
        boolean ok = adminToken.isPresent()
                && MessageDigest.isEqual(adminToken.get(), credential.getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            throw new ApiException(Status.UNAUTHORIZED_401, "Unauthorized.", "invalid credential");
        }
    }
}
