package dev.aigw.query.http;

import dev.aigw.servicekit.wire.PercentEncoding;
import dev.aigw.servicekit.wire.RequestTargets;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Refuses, before routing, requests whose meaning a lenient server would have to guess: a path with dot segments,
 * percent-encoded dots, separators or control characters, or backslashes (the server would normalise them into a
 * route the sender did not write, such as {@code /api/v2/aibridge/x/..%2f..%2fkeys}), and a header with an empty
 * name. (The service kit's strict wire refuses lower-case method names, which Helidon upper-cases before any filter
 * runs.)
 *
 * <p>The gateway has a guard of its own for its paths. Services never import each other, and {@code schemas} is the
 * event contract, not an HTTP library, so this one stays here; the API's paths hold only ids and names, so it is
 * stricter: every encoded control character is refused, not only NUL, CR and LF.
 */
public final class RequestGuard implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String raw = req.prologue().uriPath().rawPath();
        if (ambiguous(raw)) {
            throw refused("the path must not hold dot segments, encoded dots, separators or control characters, "
                    + "or backslashes");
        }
        if (req.headers().stream().anyMatch(h -> h.name().isBlank())) {
            throw refused("a header has an empty name");
        }
        if (PercentEncoding.decodeUtf8(req.query().rawValue()).isEmpty()) {
            throw refused("the query string must be percent-encoded UTF-8: each % followed by two hex digits, the bytes"
                    + " valid UTF-8");
        }
        // Every parameter of the API takes one value; of two, which one counts would be a guess.
        for (String name : req.query().names()) {
            if (req.query().all(name).size() > 1) {
                throw refused("the query parameter " + name + " is given more than once");
            }
        }
        chain.proceed();
    }

    /** Whether a raw (undecoded) path could be read as another path once decoded or normalised. */
    static boolean ambiguous(String rawPath) {
        if (rawPath.indexOf('\\') >= 0) {
            return true;
        }
        if (RequestTargets.hasDotSegment(rawPath)) {
            return true;
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length()) {
                return true;
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            int c = high * 16 + low;
            // An invalid escape is as unreadable as an encoded '.', '/', '\' or control character.
            if (high < 0 || low < 0 || c < 0x20 || c == 0x7f || c == '.' || c == '/' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    private static ApiException refused(String detail) {
        return new ApiException(Status.BAD_REQUEST_400, "Invalid request.", detail);
    }
}
