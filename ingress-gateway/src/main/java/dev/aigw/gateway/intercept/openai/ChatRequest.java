package dev.aigw.gateway.intercept.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.RequestJson;
import java.util.Optional;

/**
 * What the audit needs from an OpenAI Chat Completions request body.
 *
 * @param model                 requested model
 * @param stream                whether the client asked for SSE
 * @param prompt                the last user prompt, when the last message is the user's
 * @param correlatingToolCallId the tool call the last message answers, when it is a {@code tool} message
 */
public record ChatRequest(String model, boolean stream, Optional<String> prompt, Optional<String> correlatingToolCallId) {

    /** Parses a request body; a body that is not a Chat Completions request is a {@link BadRequestException}. */
    public static ChatRequest parse(byte[] body) {
        JsonNode root = RequestJson.object(body);
        String model = RequestJson.text(root, "model");
        JsonNode last = RequestJson.last(RequestJson.array(root, "messages"));
        Optional<String> toolCall = "tool".equals(last.path("role").asText()) && last.path("tool_call_id").isTextual()
                ? Optional.of(last.path("tool_call_id").asText()) : Optional.empty();
        return new ChatRequest(model, root.path("stream").asBoolean(false), RequestJson.userText(last, "text"), toolCall);
    }
}
