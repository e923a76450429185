package dev.aigw.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.servicekit.body.RequestBodies;
import dev.aigw.servicekit.json.Json;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A JSON object request body, with typed field access that answers 400 naming the field. */
final class JsonBody {
    // A body is one JSON value: "{}{}" is refused, not read as its first object.
    private static final ObjectMapper MAPPER = Json.STRICT;

    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    static JsonBody read(ServerRequest req) {
        return parse(new String(RequestBodies.read(req), StandardCharsets.UTF_8));
    }

    static JsonBody parse(String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || !root.isObject()) {
                throw invalid("body", "must be a JSON object");
            }
            return new JsonBody(root);
        } catch (JsonProcessingException e) {
            throw invalid("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Refuses a body holding a field outside {@code known}: a misspelt field must not be silently ignored. */
    JsonBody only(Set<String> known) {
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(name, "is not a field of this request; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
        return this;
    }

    boolean has(String field) {
        return root.hasNonNull(field);
    }

    Optional<String> text(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return Optional.of(node.asText());
    }

    Optional<Boolean> bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw invalid(field, "must be true or false");
        }
        return Optional.of(node.asBoolean());
    }

    Optional<JsonBody> object(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw invalid(field, "must be an object");
        }
        return Optional.of(new JsonBody(node));
    }

    Optional<List<String>> strings(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw invalid(field, "must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw invalid(field, "must be an array of strings");
            }
            values.add(item.asText());
        }
        return Optional.of(values);
    }

    static ApiException invalid(String field, String problem) {
        return new ApiException(Status.BAD_REQUEST_400, "Invalid request: " + field + ".", field + " " + problem);
    }
}
