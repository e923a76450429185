package dev.aigw.gateway.intercept;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** The one JSON mapper of the provider parsers, and the reads they share. */
public final class BodyJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BodyJson() {
    }

    /** A body as a tree; throws when it is not JSON. */
    public static JsonNode tree(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /**
     * A provider's answer as a tree; throws when it is not a JSON object. An empty body (a connection closed before
     * any byte) reads as no value at all, which must not pass for an answer that reported nothing.
     */
    public static JsonNode answer(byte[] body) throws IOException {
        JsonNode root = MAPPER.readTree(body);
        if (root == null || !root.isObject()) {
            throw new JsonParseException(null, "the answer is not a JSON object");
        }
        return root;
    }

    /** A body already known to be JSON as a tree. */
    public static JsonNode treeOf(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("a body checked to be JSON could not be read again", e);
        }
    }

    /** A slice of a body as a tree; throws when it is not JSON. */
    public static JsonNode tree(byte[] body, int offset, int length) throws IOException {
        return MAPPER.readTree(MAPPER.createParser(body, offset, length));
    }

    /** A streaming parser over a body, able to build trees of the values it stands on. */
    public static JsonParser parser(byte[] body) throws IOException {
        return MAPPER.createParser(body);
    }

    /** The data of an SSE event as a tree, or empty when it is not JSON. */
    public static Optional<JsonNode> event(String data) {
        try {
            return Optional.ofNullable(MAPPER.readTree(data));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A tree encoded back to bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("encoding a tree cannot fail", e);
        }
    }

    /** An empty array node. */
    public static ArrayNode emptyArray() {
        return MAPPER.createArrayNode();
    }

    /** An empty object node. */
    public static ObjectNode emptyObject() {
        return MAPPER.createObjectNode();
    }

    /** Adds {@code value} under {@code name} when the provider reported it as a number. */
    public static void putIfNumber(Map<String, Long> counters, String name, JsonNode value) {
        if (value.isNumber()) {
            counters.put(name, value.asLong());
        }
    }
}
