package dev.aigw.gateway.intercept;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/** Checks every provider API applies to a request body before anything is forwarded. */
public final class RequestJson {
    private RequestJson() {
    }

    /** The body as a JSON object; anything else is a {@link BadRequestException}. */
    public static JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = Json.tree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("request body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("request body must be a JSON object");
        }
        return root;
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
     * The text of a user message: its string content, or its last text part ({@code type} = {@code partType}).
     */
    public static Optional<String> userText(JsonNode message, String partType) {
        if (!"user".equals(message.path("role").asText())) {
            return Optional.empty();
        }
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            return Optional.of(content.asText());
        }
        for (int i = content.size() - 1; i >= 0; i--) {
            JsonNode part = content.get(i);
            if (partType.equals(part.path("type").asText()) && part.path("text").isTextual()) {
                return Optional.of(part.path("text").asText());
            }
        }
        return Optional.empty();
    }
}
