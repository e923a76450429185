package dev.aigw.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.servicekit.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** JSON responses of the API: snake_case fields and RFC 3339 times ({@link ApiErrors} has the error shape). */
final class JsonResponses {
    private static final ObjectMapper MAPPER = Json.API;

    private JsonResponses() {
    }

    static void send(ServerResponse res, Object body) {
        try {
            res.header(HeaderNames.CONTENT_TYPE, "application/json").send(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    /** One line of JSON Lines. */
    static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export row not serializable", e);
        }
    }
}
