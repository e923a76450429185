package dev.aigw.registry;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.servicekit.json.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Request and response bodies in the Confluent media types. */
final class JsonExchange {
    static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Set<String> ACCEPTED = Set.of(MEDIA_TYPE, "application/vnd.schemaregistry+json", "application/json");
    private static final ObjectMapper MAPPER = Json.MAPPER;

    /** Confluent's error body. */
    record Error(@JsonProperty("error_code") int errorCode, String message) {
    }

    private JsonExchange() {
    }

    /** The request's JSON object body; clients that send no Content-Type are accepted, as Confluent does. */
    static JsonNode body(ServerRequest req) {
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse(MEDIA_TYPE);
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!ACCEPTED.contains(mediaType)) {
            throw RegistryException.unsupportedMediaType(contentType);
        }
        try {
            JsonNode body = MAPPER.readTree(req.content().as(String.class));
            if (body == null || !body.isObject()) {
                throw RegistryException.badRequest("Request body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw RegistryException.badRequest("Malformed JSON: " + e.getMessage());
        }
    }

    /** A required string field of a request body. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw RegistryException.badRequest("Request body needs a string field \"" + field + "\"");
        }
        return value.asText();
    }

    static void send(ServerResponse res, Object body) {
        send(res, Status.OK_200, body);
    }

    static void send(ServerResponse res, Status status, Object body) {
        try {
            res.status(status)
                    .header(HeaderNames.CONTENT_TYPE, MEDIA_TYPE)
                    .send(MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a response body of " + body.getClass().getSimpleName(), e);
        }
    }

    /** Answers a refused request with its status and Confluent error body. */
    static void error(ServerRequest req, ServerResponse res, RegistryException e) {
        send(res, Status.create(e.status()), new Error(e.errorCode(), e.getMessage()));
    }
}
