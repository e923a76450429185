package dev.aigw.bench.load;

import java.util.Map;
import java.util.Objects;

/**
 * One HTTP/1.1 request sent over and over by a run.
 *
 * @param host      loopback address, e.g. {@code 127.0.0.1}
 * @param path      path and query, e.g. {@code /v1/chat/completions}
 * @param headers   request headers besides Host and Content-Length, which the client sets (keep-alive is the default)
 * @param body      the request body (sent with Content-Length)
 * @param streaming whether the answer is an SSE stream whose events are timed
 */
public record Call(String host, int port, String method, String path, Map<String, String> headers, byte[] body,
                   boolean streaming) {
    public Call {
        if (host.isBlank() || port < 1 || port > 65_535 || method.isBlank() || !path.startsWith("/")) {
            throw new IllegalArgumentException("bad call: " + method + " " + host + ":" + port + path);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
