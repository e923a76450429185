package dev.aigw.gateway.dump;

import dev.aigw.gateway.auth.Secrets;
import io.helidon.http.Header;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.Status;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP/1.1 text of a dumped request and of a dumped response's head: headers sorted, credentials masked. */
final class WireFormat {
    // Masked rather than removed, so a dump still shows that a credential went and which one.
    private static final Set<String> SECRET_REQUEST_HEADERS = Set.of("authorization", "x-api-key", "api-key",
            "x-auth-token", "cookie", "proxy-authorization", "x-amz-security-token", "x-coder-ai-governance-token");
    private static final Set<String> SECRET_RESPONSE_HEADERS = Set.of("set-cookie", "www-authenticate",
            "proxy-authenticate");
    private static final Pattern AUTH_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9-]*) +(.+)");
    private static final String CRLF = "\r\n";

    private WireFormat() {
    }

    /** Request line, sorted headers with {@code Host} and a Content-Length of the body as shown, blank line, body. */
    static byte[] request(Method method, URI uri, Headers sent, byte[] body) {
        byte[] shown = PrettyJson.orAsIs(body);
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Map<String, List<String>> headers = sorted(sent);
        headers.put("Host", List.of(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
        headers.put("Content-Length", List.of(String.valueOf(shown.length)));
        String head = method.text() + " " + target + " HTTP/1.1" + CRLF + lines(headers, SECRET_REQUEST_HEADERS) + CRLF;
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + shown.length);
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(shown);
        return out.toByteArray();
    }

    /** Status line, sorted headers and the blank line; the body follows as it arrives. */
    static byte[] responseHead(int status, Headers received) {
        String head = "HTTP/1.1 " + status + " " + Status.create(status).reasonPhrase() + CRLF
                + lines(sorted(received), SECRET_RESPONSE_HEADERS) + CRLF;
        return head.getBytes(StandardCharsets.UTF_8);
    }

    /** A credential's masked hint, keeping an authorization scheme such as {@code Bearer} readable. */
    static String mask(String value) {
        Matcher scheme = AUTH_SCHEME.matcher(value);
        return scheme.matches() ? scheme.group(1) + " " + Secrets.mask(scheme.group(2)) : Secrets.mask(value);
    }

    // Names in canonical form (Content-Type), as the reference writes them: providers send names in any case, and one
    // form on both sides keeps the dumps comparable.
    private static Map<String, List<String>> sorted(Headers headers) {
        Map<String, List<String>> sorted = new TreeMap<>();
        for (Header header : headers) {
            sorted.computeIfAbsent(canonical(header.name()), n -> new ArrayList<>()).addAll(header.allValues());
        }
        return sorted;
    }

    private static String canonical(String name) {
        StringBuilder canonical = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return canonical.toString();
    }

    private static String lines(Map<String, List<String>> headers, Set<String> secret) {
        StringBuilder lines = new StringBuilder();
        headers.forEach((name, values) -> {
            boolean masked = secret.contains(name.toLowerCase(Locale.ROOT));
            for (String value : values) {
                lines.append(name).append(": ").append(masked ? mask(value) : value).append(CRLF);
            }
        });
        return lines.toString();
    }
}
