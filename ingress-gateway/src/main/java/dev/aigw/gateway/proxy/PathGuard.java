package dev.aigw.gateway.proxy;

import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;

/**
 * Refuses paths whose meaning changes between the client, this server and the provider: dot segments, encoded
 * separators or dots, backslashes and encoded control characters. The server would normalise them and route the
 * request somewhere its sender did not write, so they are refused before routing rather than guessed at.
 */
public final class PathGuard implements Filter {
    private static final String[] ENCODED = {"%2f", "%5c", "%2e", "%00", "%0d", "%0a"};

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String raw = req.prologue().uriPath().rawPath();
        if (ambiguous(raw)) {
            throw new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error",
                    "path must not hold dot segments, encoded separators or control characters");
        }
        chain.proceed();
    }

    static boolean ambiguous(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED) {
            if (lower.contains(encoded)) {
                return true;
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return rawPath.indexOf('\\') >= 0;
    }
}
