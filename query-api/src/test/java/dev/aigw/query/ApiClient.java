package dev.aigw.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Requests to a query API listening on a local port, and its answers: what the route tests share. */
final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    /** The address of {@code path} on the API. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A GET presenting {@code credential} as a bearer token. */
    Answer get(String path, String credential) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + credential));
    }

    /** A request presenting {@code credential} as a bearer token (none when null), with {@code body} as JSON (or none). */
    Answer send(String method, String path, String credential, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        if (body == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a request as built; the generous timeout only bounds a hung test. */
    static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts the API's error shape: {@code message} as given, and a detail saying why. */
    static void assertError(Answer answer, String message) {
        assertThat(answer.json().path("message").asText()).isEqualTo(message);
        assertThat(answer.json().path("detail").asText()).isNotBlank();
    }

    /** The text of {@code field} of each item of a JSON array, in order. */
    static List<String> fields(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.path(field).asText()));
        return values;
    }

    /** The texts of a JSON array, in order. */
    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** An answer: its status, body and {@code Retry-After}. */
    record Answer(int status, String body, Optional<String> retryAfter) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
