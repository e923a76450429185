package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.RequestJson;
import java.util.Optional;

/** Reads the audit facts of an Anthropic Messages request body. */
public final class MessagesRequest {
    private MessagesRequest() {
    }

    /** Parses a request body; a body that is not a Messages request is a {@link BadRequestException}. */
    public static ApiRequest parse(byte[] body) {
        JsonNode root = RequestJson.outline(body, "messages");
        String model = RequestJson.text(root, "model");
        JsonNode last = RequestJson.last(RequestJson.array(root, "messages"));
        return new ApiRequest(model, root.path("stream").asBoolean(false), false, RequestJson.userText(last, "text"),
                toolResultId(last), body);
    }

    private static Optional<String> toolResultId(JsonNode last) {
        return RequestJson.lastPart(last.path("content"),
                        block -> "tool_result".equals(block.path("type").asText()) && block.path("tool_use_id").isTextual())
                .map(block -> block.path("tool_use_id").asText());
    }
}
