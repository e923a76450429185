package dev.aigw.gateway.intercept.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.RequestJson;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Reads the audit facts of a Responses API request body. */
public final class ResponsesRequest {
    private ResponsesRequest() {
    }

    /** Parses a request body; a body that is not a Responses request is a {@link BadRequestException}. */
    public static ApiRequest parse(byte[] body) {
        JsonNode root = RequestJson.outline(body, "input");
        String model = RequestJson.text(root, "model");
        JsonNode input = root.path("input");
        if (!input.isMissingNode() && !input.isTextual() && !input.isArray()) {
            throw new BadRequestException("input: must be a string or an array of input items");
        }
        JsonNode last = input.isArray() ? RequestJson.last(input) : input;
        Optional<String> callId = "function_call_output".equals(last.path("type").asText()) && last.path("call_id").isTextual()
                ? Optional.of(last.path("call_id").asText()) : Optional.empty();
        return new ApiRequest(model, root.path("stream").asBoolean(false), root.path("background").asBoolean(false),
                prompt(input, last), callId, body);
    }

    private static Optional<String> prompt(JsonNode input, JsonNode last) {
        if (input.isTextual()) {
            return Optional.of(input.asText());
        }
        if (!"user".equals(last.path("role").asText())) {
            return Optional.empty();
        }
        JsonNode content = last.path("content");
        if (content.isTextual()) {
            return Optional.of(content.asText());
        }
        String joined = StreamSupport.stream(content.spliterator(), false)
                .filter(part -> "input_text".equals(part.path("type").asText()))
                .map(part -> part.path("text").asText(""))
                .collect(Collectors.joining("\n"));
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}
