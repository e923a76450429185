package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.gateway.intercept.BadRequestException;
import java.io.IOException;
import java.util.Optional;

/**
 * What the audit needs from an Anthropic Messages request body.
 *
 * @param model                 requested model
 * @param stream                whether the client asked for SSE
 * @param prompt                the last user prompt, when the last message is the user's
 * @param correlatingToolCallId the tool call the last message answers, if any
 */
public record MessagesRequest(String model, boolean stream, Optional<String> prompt, Optional<String> correlatingToolCallId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a request body; a body that is not a Messages request is a {@link BadRequestException}. */
    public static MessagesRequest parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("request body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException("request body must be a JSON object");
        }
        JsonNode model = root.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw new BadRequestException("model: field required and must be a non-empty string");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray()) {
            throw new BadRequestException("messages: field required and must be an array");
        }
        JsonNode last = messages.isEmpty() ? JSON.missingNode() : messages.get(messages.size() - 1);
        return new MessagesRequest(model.asText(), root.path("stream").asBoolean(false), prompt(last), toolResultId(last));
    }

    private static Optional<String> prompt(JsonNode last) {
        if (!"user".equals(last.path("role").asText())) {
            return Optional.empty();
        }
        JsonNode content = last.path("content");
        if (content.isTextual()) {
            return Optional.of(content.asText());
        }
        for (int i = content.size() - 1; i >= 0; i--) {
            JsonNode block = content.get(i);
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                return Optional.of(block.path("text").asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> toolResultId(JsonNode last) {
        JsonNode content = last.path("content");
        for (int i = content.size() - 1; i >= 0; i--) {
            JsonNode block = content.get(i);
            if ("tool_result".equals(block.path("type").asText()) && block.path("tool_use_id").isTextual()) {
                return Optional.of(block.path("tool_use_id").asText());
            }
        }
        return Optional.empty();
    }
}
