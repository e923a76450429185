package dev.aigw.gateway.intercept.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.RequestJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the audit facts of an OpenAI Chat Completions request body. */
public final class ChatRequest {
    private ChatRequest() {
    }

    /** Parses a request body; a body that is not a Chat Completions request is a {@link BadRequestException}. */
    public static ApiRequest parse(byte[] body) {
        JsonNode root = RequestJson.outline(body, "messages");
        String model = RequestJson.text(root, "model");
        JsonNode last = RequestJson.last(RequestJson.array(root, "messages"));
        Optional<String> toolCall = "tool".equals(last.path("role").asText()) && last.path("tool_call_id").isTextual()
                ? Optional.of(last.path("tool_call_id").asText()) : Optional.empty();
        boolean stream = root.path("stream").asBoolean(false);
        return new ApiRequest(model, stream, false, RequestJson.userText(last, "text"), toolCall,
                stream ? withStreamUsage(body, root.path("stream_options")) : body);
    }

    /**
     * The body with {@code stream_options.include_usage} on, without which a stream reports no token usage. When the
     * client sent no options they are written in front of its first field, so its own bytes go on unchanged; only a
     * client that turned usage off gets its body re-encoded.
     */
    static byte[] withStreamUsage(byte[] body, JsonNode options) {
        if (options.path("include_usage").asBoolean(false)) {
            return body;
        }
        if (options.isMissingNode()) {
            return withLeadingField(body, "\"stream_options\":{\"include_usage\":true}");
        }
        ObjectNode root = (ObjectNode) BodyJson.treeOf(body);
        (options.isObject() ? (ObjectNode) root.path("stream_options") : root.putObject("stream_options"))
                .put("include_usage", true);
        return BodyJson.bytes(root);
    }

    private static byte[] withLeadingField(byte[] body, String field) {
        int open = 0;
        while (body[open] != '{') {
            open++;
        }
        int next = open + 1;
        while (Character.isWhitespace(body[next])) {
            next++;
        }
        byte[] insert = (field + (body[next] == '}' ? "" : ",")).getBytes(StandardCharsets.UTF_8);
        byte[] edited = new byte[body.length + insert.length];
        System.arraycopy(body, 0, edited, 0, open + 1);
        System.arraycopy(insert, 0, edited, open + 1, insert.length);
        System.arraycopy(body, open + 1, edited, open + 1 + insert.length, body.length - open - 1);
        return edited;
    }
}
