package dev.aigw.bench.load;

import java.util.Map;

/**
 * One HTTP/1.1 request sent over and over by a run.
 *
 * @param host      loopback address, e.g. {@code 127.0.0.1}
 * @param path      path and query, e.g. {@code /v1/chat/completions}
 * @param headers   request headers besides Host, Content-Length and Connection, which the client sets
 * @param body      the request body (sent with Content-Length)
 * @param streaming whether the answer is an SSE stream whose events are timed
 */
public record Call(String host, int port, String method, String path, Map<String, String> headers, byte[] body,
                   boolean streaming) {
}
