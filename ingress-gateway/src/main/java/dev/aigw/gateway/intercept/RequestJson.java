package dev.aigw.gateway.intercept;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Checks every provider API applies to a request body before anything is forwarded. */
public final class RequestJson {
    private static final Set<String> READ = Set.of("model", "stream", "background", "stream_options");

    private RequestJson() {
    }

    /**
     * The body's outline: the top-level fields the audit reads ({@code model}, {@code stream}, {@code background},
     * {@code stream_options}) and the {@code conversation} field, an array reduced to its last element. The rest is
     * only checked to be JSON, never built into a tree, so a long conversation costs a scan, not a copy.
     */
    public static JsonNode outline(byte[] body, String conversation) {
        try (JsonParser parser = BodyJson.parser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequestException("request body must be a JSON object");
            }
            ObjectNode outline = BodyJson.emptyObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(conversation) && value == JsonToken.START_ARRAY) {
                    outline.set(name, lastElement(parser, body));
                } else if (name.equals(conversation) || READ.contains(name)) {
                    outline.set(name, parser.readValueAsTree());
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new BadRequestException("request body must hold one JSON object and nothing after it");
            }
            return outline;
        } catch (JsonProcessingException e) {
            throw new BadRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("request body could not be read");
        }
    }

    // The parser stands on the array's start; only the last element is built, from its bytes, once the end is seen.
    private static ArrayNode lastElement(JsonParser parser, byte[] body) throws IOException {
        ArrayNode reduced = BodyJson.emptyArray();
        long start = -1;
        long end = -1;
        JsonNode scalar = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                start = parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                end = parser.currentLocation().getByteOffset();
                scalar = null;
            } else {
                scalar = parser.readValueAsTree();
                start = -1;
            }
        }
        if (scalar != null) {
            reduced.add(scalar);
        } else if (start >= 0) {
            reduced.add(BodyJson.tree(body, (int) start, (int) (end - start)));
        }
        return reduced;
    }

    /** A required non-blank string field. */
    public static String text(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadRequestException(field + ": field required and must be a non-empty string");
        }
        return value.asText();
    }

    /** A required array field. */
    public static JsonNode array(JsonNode root, String field) {
        JsonNode value = root.path(field);
        if (!value.isArray()) {
            throw new BadRequestException(field + ": field required and must be an array");
        }
        return value;
    }

    /** The last element of an array, or a missing node when it is empty. */
    public static JsonNode last(JsonNode array) {
        return array.isEmpty() ? array.path(0) : array.get(array.size() - 1);
    }

    /**
     * The text of a user message: its string content, or its last text part ({@code type} = {@code partType}). A
     * message of another shape has none; the provider judges it, the audit only records what it can read.
     */
    public static Optional<String> userText(JsonNode message, String partType) {
        if (!"user".equals(message.path("role").asText())) {
            return Optional.empty();
        }
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            return Optional.of(content.asText());
        }
        return lastPart(content, part -> partType.equals(part.path("type").asText()) && part.path("text").isTextual())
                .map(part -> part.path("text").asText());
    }

    /**
     * The last element of {@code parts} that {@code wanted} accepts; empty when {@code parts} is not an array, since
     * an object's {@code size()} counts its fields while {@code get(int)} finds none of them.
     */
    public static Optional<JsonNode> lastPart(JsonNode parts, Predicate<JsonNode> wanted) {
        if (!parts.isArray()) {
            return Optional.empty();
        }
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (wanted.test(parts.get(i))) {
                return Optional.of(parts.get(i));
            }
        }
        return Optional.empty();
    }
}
