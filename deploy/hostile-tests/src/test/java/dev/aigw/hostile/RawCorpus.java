package dev.aigw.hostile;

import dev.aigw.hostile.Case.Expect;
import dev.aigw.hostile.Case.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The over-the-wire corpus: each route's valid request, then the same request broken in each way HTTP/1.1 can be
 * broken (request line, headers, framing, body, size), every variant judged by {@link Verdict}. Generated, so a route
 * added to the list gets every variant.
 */
final class RawCorpus {
    static final String LONG = "a".repeat(70_000);

    private RawCorpus() {
    }

    /**
     * A route and its valid request.
     *
     * @param method   method of the valid request
     * @param target   request target (path and query) as sent
     * @param shape    error shape of its answers
     * @param token    credential sent as {@code Authorization: Bearer}, null for routes that need none
     * @param body     body of the valid request, null for none
     * @param works    whether the valid request succeeds (else it is refused, for example an unknown path)
     * @param json     whether the route parses its body as JSON (and refuses bodies that are not)
     */
    record Route(String method, String target, Shape shape, String token, String body, boolean works, boolean json) {
        boolean hasBody() {
            return body != null;
        }
    }

    /** Every variant of every route, for the service on {@code port}. */
    static List<Case> of(int port, List<Route> routes, int maxBodyBytes) {
        List<Case> cases = new ArrayList<>();
        for (Route r : routes) {
            cases.addAll(requestLineAndHeaders(port, r));
            if (r.hasBody()) {
                cases.addAll(framing(port, r));
                cases.addAll(bodies(port, r, maxBodyBytes));
            }
        }
        return cases;
    }

    private static List<Case> requestLineAndHeaders(int port, Route r) {
        List<Case> cases = new ArrayList<>();
        Expect baseline = r.works() ? Expect.WORKS : Expect.REFUSED;
        cases.add(c(port, r, "valid", baseline, build(r.method() + " " + r.target() + " HTTP/1.1", headers(r), r.body())));
        if (r.token() != null) {
            cases.add(c(port, r, "no credential", Expect.REFUSED, build(line(r), base(r, null), r.body())));
            cases.add(c(port, r, "unknown key", Expect.REFUSED,
                    build(line(r), base(r, "aigw_" + "0".repeat(24) + "_" + "x".repeat(43)), r.body())));
            cases.add(c(port, r, "credential with a control character", Expect.REFUSED,
                    build(line(r), base(r, "ab\u0001cd"), r.body())));
            cases.add(c(port, r, "credential of 10,000 chars", Expect.REFUSED, build(line(r), base(r, "k".repeat(10_000)), r.body())));
        }
        String m = r.method();
        cases.add(c(port, r, "lowercase method", Expect.REFUSED,
                build(m.toLowerCase(Locale.ROOT) + " " + r.target() + " HTTP/1.1", headers(r), r.body())));
        cases.add(c(port, r, "unknown method", Expect.REFUSED, build("BREW " + r.target() + " HTTP/1.1", headers(r), r.body())));
        cases.add(c(port, r, "empty header name", Expect.REFUSED, build(line(r), with(headers(r), ": value"), r.body())));
        cases.add(c(port, r, "space in a header name", Expect.REFUSED, build(line(r), with(headers(r), "Bad Name: value"), r.body())));
        cases.add(c(port, r, "header line without a colon", Expect.REFUSED, build(line(r), with(headers(r), "NoColonHere"), r.body())));
        cases.add(c(port, r, "NUL in a header value", Expect.ANSWERED, build(line(r), with(headers(r), "X-Odd: a\0b"), r.body())));
        cases.add(c(port, r, "folded header line", Expect.ANSWERED, build(line(r), with(headers(r), "X-Odd: a", " folded"), r.body())));
        cases.add(c(port, r, "HTTP/1.0", Expect.ANSWERED, build(m + " " + r.target() + " HTTP/1.0", http10(r), r.body())));
        cases.add(c(port, r, "HTTP/2.0 in an HTTP/1 request line", Expect.ANSWERED,
                build(m + " " + r.target() + " HTTP/2.0", headers(r), r.body())));
        cases.add(c(port, r, "malformed version", Expect.REFUSED, build(m + " " + r.target() + " HTTX/1.1", headers(r), r.body())));
        cases.add(c(port, r, "no Host", Expect.REFUSED,
                build(line(r), headers(r).stream().filter(h -> !h.startsWith("Host:")).toList(), r.body())));
        cases.add(c(port, r, "two different Hosts", Expect.REFUSED, build(line(r), with(headers(r), "Host: evil.example"), r.body())));
        cases.add(c(port, r, "header of 70,000 chars", Expect.REFUSED, build(line(r), with(headers(r), "X-Big: " + LONG), r.body())));
        List<String> many = new ArrayList<>(headers(r));
        for (int i = 0; i < 3_000; i++) {
            many.add("X-Many-" + i + ": v");
        }
        cases.add(c(port, r, "3,000 headers", Expect.ANSWERED, build(line(r), many, r.body())));
        cases.add(c(port, r, "URI of 70,000 chars", Expect.REFUSED,
                build(m + " " + path(r) + "/" + LONG + " HTTP/1.1", headers(r), r.body())));
        cases.add(c(port, r, "query of 70,000 chars", Expect.REFUSED,
                build(m + " " + path(r) + "?x=" + LONG + " HTTP/1.1", headers(r), r.body())));
        cases.add(c(port, r, "control character in the path", Expect.REFUSED,
                build(m + " " + path(r) + "/a\u0001b HTTP/1.1", headers(r), r.body())));
        cases.add(c(port, r, "space in the path", Expect.REFUSED, build(m + " " + path(r) + "/a b HTTP/1.1", headers(r), r.body())));
        for (String bad : List.of("%zz", "%", "%c3%28", "%ff%fe", "%e2%82", "%00", "%0d%0a")) {
            cases.add(c(port, r, "invalid percent-encoding " + bad + " in the path", Expect.REFUSED,
                    build(m + " " + path(r) + "/x" + bad + "y HTTP/1.1", headers(r), r.body())));
        }
        for (String dots : List.of("/../../x", "/./x", "/%2e%2e/x", "/.%2e/x", "/..;/x", "/%2fx", "\\..\\x")) {
            cases.add(c(port, r, "dot segment " + dots, Expect.REFUSED,
                    build(m + " " + path(r) + dots + " HTTP/1.1", headers(r), r.body())));
        }
        cases.add(c(port, r, "invalid percent-encoding in the query", Expect.ANSWERED,
                build(m + " " + path(r) + "?%zz=%&&=&q=%00%ff HTTP/1.1", headers(r), r.body())));
        cases.add(c(port, r, "bare LF line endings", Expect.ANSWERED,
                new String(build(line(r), headers(r), r.body()), StandardCharsets.UTF_8).replace("\r\n", "\n")
                        .getBytes(StandardCharsets.UTF_8)));
        cases.add(c(port, r, "absolute-form target", Expect.ANSWERED,
                build(m + " http://127.0.0.1:" + port + r.target() + " HTTP/1.1", headers(r), r.body())));
        return cases;
    }

    // Chunked framing, right and wrong, and Content-Length that does not match the body.
    private static List<Case> framing(int port, Route r) {
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        Expect baseline = r.works() ? Expect.WORKS : Expect.REFUSED;
        List<String> chunked = with(base(r, r.token()), "Transfer-Encoding: chunked");
        int half = body.length / 2;
        String first = new String(body, 0, half, StandardCharsets.UTF_8);
        String second = new String(body, half, body.length - half, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        cases.add(c(port, r, "chunked", baseline, raw(line(r), chunked, chunk(first) + chunk(second) + "0\r\n\r\n")));
        cases.add(c(port, r, "chunk extensions", baseline, raw(line(r), chunked, Integer.toHexString(utf8(first)) + ";ext=1;q=\"a b\"\r\n"
                + first + "\r\n" + Integer.toHexString(utf8(second)) + " ; x\r\n" + second + "\r\n0;last\r\n\r\n")));
        cases.add(c(port, r, "chunk trailer", baseline, raw(line(r), chunked, chunk(r.body()) + "0\r\nX-Trailer: t\r\n\r\n")));
        cases.add(c(port, r, "malformed chunk size", Expect.REFUSED, raw(line(r), chunked, "zz\r\n" + r.body() + "\r\n0\r\n\r\n")));
        cases.add(c(port, r, "chunk size overflowing a long", Expect.REFUSED,
                raw(line(r), chunked, "fffffffffffffffffffff\r\n" + r.body() + "\r\n0\r\n\r\n")));
        cases.add(c(port, r, "negative chunk size", Expect.REFUSED, raw(line(r), chunked, "-5\r\n" + r.body() + "\r\n0\r\n\r\n")));
        cases.add(c(port, r, "chunk without its CRLF", Expect.REFUSED,
                raw(line(r), chunked, Integer.toHexString(body.length) + "\r\n" + r.body() + "0\r\n\r\n")));
        cases.add(new Case(r.method() + " " + shortTarget(r) + ": chunked body cut short", port,
                raw(line(r), chunked, chunk(first)), Expect.MAY_CLOSE, r.shape(), true, false));
        cases.add(new Case(r.method() + " " + shortTarget(r) + ": body shorter than its Content-Length", port,
                bytes(line(r), with(base(r, r.token()), "Content-Length: " + (body.length + 100)), body),
                Expect.MAY_CLOSE, r.shape(), true, false));
        cases.add(c(port, r, "non-numeric Content-Length", Expect.REFUSED,
                bytes(line(r), with(base(r, r.token()), "Content-Length: abc"), body)));
        cases.add(c(port, r, "negative Content-Length", Expect.REFUSED,
                bytes(line(r), with(base(r, r.token()), "Content-Length: -5"), body)));
        cases.add(c(port, r, "Content-Length over 2^63", Expect.REFUSED,
                bytes(line(r), with(base(r, r.token()), "Content-Length: 99999999999999999999"), body)));
        cases.add(c(port, r, "two different Content-Lengths", Expect.REFUSED, bytes(line(r),
                with(base(r, r.token()), "Content-Length: " + body.length, "Content-Length: " + (body.length + 1)), body)));
        cases.add(c(port, r, "Content-Length and chunked", Expect.ANSWERED, raw(line(r),
                with(chunked, "Content-Length: 3"), chunk(r.body()) + "0\r\n\r\n")));
        cases.add(c(port, r, "unknown transfer coding", Expect.REFUSED,
                raw(line(r), with(base(r, r.token()), "Transfer-Encoding: gzip"), r.body())));
        cases.add(c(port, r, "Expect: 100-continue", baseline, build(line(r), with(headers(r), "Expect: 100-continue"), r.body())));
        return cases;
    }

    private static List<Case> bodies(int port, Route r, int maxBodyBytes) {
        List<Case> cases = new ArrayList<>();
        Expect notJson = r.json() ? Expect.REFUSED : Expect.ANSWERED;
        for (String body : List.of("", "not json", "[]", "null", "\"text\"", "1e999999", "{", "{\"model\":}", "{}{}")) {
            cases.add(c(port, r, "body " + (body.isEmpty() ? "empty" : body), notJson, build(line(r), base(r, r.token()), body)));
        }
        byte[] invalidUtf8 = r.body().replaceFirst("\"", "\"\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        cases.add(c(port, r, "invalid UTF-8 in the body", Expect.ANSWERED, bytes(line(r), base(r, r.token()), invalidUtf8)));
        cases.add(c(port, r, "byte order mark before the body", Expect.ANSWERED,
                build(line(r), base(r, r.token()), "\uFEFF" + r.body())));
        cases.add(c(port, r, "text/plain body", Expect.ANSWERED, build(line(r),
                with(base(r, r.token()).stream().filter(h -> !h.startsWith("Content-Type")).toList(), "Content-Type: text/plain"),
                r.body())));
        if (r.works()) {
            byte[] big = new byte[maxBodyBytes + 1];
            Arrays.fill(big, (byte) ' ');
            cases.add(c(port, r, "body one byte over the limit", Expect.REFUSED, bytes(line(r), base(r, r.token()), big)));
            String chunk = Integer.toHexString(64 * 1024) + "\r\n" + " ".repeat(64 * 1024) + "\r\n";
            cases.add(c(port, r, "chunked body over the limit", Expect.REFUSED, raw(line(r),
                    with(base(r, r.token()), "Transfer-Encoding: chunked"),
                    chunk.repeat(maxBodyBytes / (64 * 1024) + 2) + "0\r\n\r\n")));
        }
        return cases;
    }

    private static Case c(int port, Route r, String what, Expect expect, byte[] bytes) {
        return new Case(r.method() + " " + shortTarget(r) + ": " + what, port, bytes, expect, r.shape(), false,
                r.method().equals("HEAD"));
    }

    private static String shortTarget(Route r) {
        return r.target().length() > 80 ? r.target().substring(0, 80) + "..." : r.target();
    }

    private static String line(Route r) {
        return r.method() + " " + r.target() + " HTTP/1.1";
    }

    private static String path(Route r) {
        int q = r.target().indexOf('?');
        return q < 0 ? r.target() : r.target().substring(0, q);
    }

    /** The valid request's headers, without framing. */
    private static List<String> base(Route r, String token) {
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1", "Connection: close", "User-Agent: hostile-tests/1"));
        if (token != null) {
            headers.add("Authorization: Bearer " + token);
        }
        if (r.hasBody()) {
            headers.add("Content-Type: application/json");
        }
        return headers;
    }

    private static List<String> headers(Route r) {
        return base(r, r.token());
    }

    private static List<String> http10(Route r) {
        return base(r, r.token()).stream().filter(h -> !h.startsWith("Host:") && !h.startsWith("Connection:")).toList();
    }

    private static List<String> with(List<String> headers, String... more) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of(more));
        return all;
    }

    private static String chunk(String text) {
        return Integer.toHexString(utf8(text)) + "\r\n" + text + "\r\n";
    }

    private static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Request line, headers, a Content-Length for the body when there is one and no framing header is, the body. */
    private static byte[] build(String requestLine, List<String> headers, String body) {
        return bytes(requestLine, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String requestLine, List<String> headers, byte[] body) {
        List<String> all = headers;
        if (body != null && headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Content-Length", 0, 14)
                || h.regionMatches(true, 0, "Transfer-Encoding", 0, 17))) {
            all = with(headers, "Content-Length: " + body.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((requestLine + "\r\n" + String.join("\r\n", all) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static byte[] raw(String requestLine, List<String> headers, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((requestLine + "\r\n" + String.join("\r\n", headers) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
