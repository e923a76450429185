package dev.aigw.gateway.intercept.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.Json;
import dev.aigw.gateway.intercept.RequestJson;
import java.util.Optional;

/** Reads the audit facts of an OpenAI Chat Completions request body. */
public final class ChatRequest {
    private ChatRequest() {
    }

    /** Parses a request body; a body that is not a Chat Completions request is a {@link BadRequestException}. */
    public static ApiRequest parse(byte[] body) {
        JsonNode root = RequestJson.object(body);
        String model = RequestJson.text(root, "model");
        JsonNode last = RequestJson.last(RequestJson.array(root, "messages"));
        Optional<String> toolCall = "tool".equals(last.path("role").asText()) && last.path("tool_call_id").isTextual()
                ? Optional.of(last.path("tool_call_id").asText()) : Optional.empty();
        return new ApiRequest(model, root.path("stream").asBoolean(false), false, RequestJson.userText(last, "text"),
                toolCall);
    }

    /**
     * The body with {@code stream_options.include_usage} set, without which a stream reports no token usage; the
     * body is re-encoded only when the option is not already on.
     */
    public static byte[] withStreamUsage(byte[] body) {
        ObjectNode root = (ObjectNode) RequestJson.object(body);
        if (root.path("stream_options").path("include_usage").asBoolean(false)) {
            return body;
        }
        JsonNode options = root.path("stream_options");
        (options.isObject() ? (ObjectNode) options : root.putObject("stream_options")).put("include_usage", true);
        return Json.bytes(root);
    }
}
