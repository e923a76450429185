package dev.aigw.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a server answered, or that it answered nothing ({@code status} 0: the connection closed or timed out first).
 *
 * @param status  HTTP status, 0 when there was no answer
 * @param headers header names and values as received
 * @param body    body bytes, de-chunked
 */
record Answer(int status, List<String[]> headers, byte[] body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Answer none() {
        return new Answer(0, List.of(), new byte[0]);
    }

    boolean answered() {
        return status != 0;
    }

    Optional<String> header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is not JSON. */
    JsonNode json() {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Parses JSON text. */
    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** Status and the start of the body, for a report line. */
    String brief() {
        if (!answered()) {
            return "no answer";
        }
        String text = text().replaceAll("\\p{Cntrl}", "?");
        return status + " " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}
