package dev.aigw.gateway.proxy;

import dev.aigw.servicekit.wire.PercentEncoding;
import dev.aigw.servicekit.wire.RequestTargets;
import io.helidon.http.Header;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses paths whose meaning changes between the client, this server and the provider: dot segments, encoded
 * separators or dots, backslashes and encoded control characters. The server would normalise them and route the
 * request somewhere its sender did not write, so they are refused before routing rather than guessed at. Escapes that
 * do not decode to UTF-8 text are refused too: decoded, they would reach the provider as replacement characters.
 * Also refuses header names that are not HTTP tokens (an empty name among them), which the server reads lazily and
 * would otherwise find invalid only while forwarding.
 */
public final class PathGuard implements Filter {
    private static final String[] ENCODED = {"%2f", "%5c", "%2e", "%00", "%0d", "%0a"};
    // RFC 9110 tchar: the characters a header name may hold.
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String raw = req.prologue().uriPath().rawPath();
        if (ambiguous(raw)) {
            throw new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error",
                    "path must not hold dot segments, encoded separators or control characters");
        }
        if (!decodable(raw)) {
            throw new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error",
                    "path must be percent-encoded UTF-8: each % followed by two hex digits, the bytes valid UTF-8");
        }
        for (Header header : req.headers()) {
            if (!TOKEN.matcher(header.name()).matches()) {
                throw new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error",
                        "header names must be non-empty HTTP tokens (RFC 9110)");
            }
        }
        chain.proceed();
    }

    /** Whether every escape in {@code rawPath} is well formed and the bytes they spell are UTF-8 text without controls. */
    static boolean decodable(String rawPath) {
        return PercentEncoding.decodeUtf8(rawPath).map(text -> text.chars().noneMatch(Character::isISOControl)).orElse(false);
    }

    static boolean ambiguous(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String encoded : ENCODED) {
            if (lower.contains(encoded)) {
                return true;
            }
        }
        if (RequestTargets.hasDotSegment(rawPath)) {
            return true;
        }
        return rawPath.indexOf('\\') >= 0;
    }
}
