package dev.aigw.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Well-formed HTTP/1.1 requests, for what an ordinary client can express; {@link Wire} sends the rest. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** Sends {@code body} (none when null) to {@code path} on the local {@code port}; waits up to 60 s for the answer. */
    static Answer send(int port, String method, String path, Map<String, String> headers, String body) {
        return send(port, method, path, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer send(int port, String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<String[]> received = new ArrayList<>();
            response.headers().map().forEach((name, values) -> values.forEach(v -> received.add(new String[] {name, v})));
            return new Answer(response.statusCode(), received, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
