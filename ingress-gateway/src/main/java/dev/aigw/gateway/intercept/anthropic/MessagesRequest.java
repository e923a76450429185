package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.RequestJson;
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

    /** Parses a request body; a body that is not a Messages request is a {@link BadRequestException}. */
    public static MessagesRequest parse(byte[] body) {
        JsonNode root = RequestJson.object(body);
        String model = RequestJson.text(root, "model");
        JsonNode last = RequestJson.last(RequestJson.array(root, "messages"));
        return new MessagesRequest(model, root.path("stream").asBoolean(false), RequestJson.userText(last, "text"),
                toolResultId(last));
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
