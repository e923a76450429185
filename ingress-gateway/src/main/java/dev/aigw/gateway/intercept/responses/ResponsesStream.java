package dev.aigw.gateway.intercept.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.Payload;
import dev.aigw.gateway.intercept.Json;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.sse.SseEvent;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows a Responses API SSE stream. The {@code response.completed} event carries the whole final response, so the
 * audit is taken from it; a stream that ends with {@code error} or {@code response.failed} records its error and no
 * token usage.
 */
public final class ResponsesStream implements StreamAudit {
    private final Consumer<Payload> record;
    private String error;

    /** A follower that hands each payload to {@code record}. */
    public ResponsesStream(Consumer<Payload> record) {
        this.record = record;
    }

    @Override
    public void accept(SseEvent event) {
        Optional<JsonNode> parsed = Json.event(event.data());
        if (parsed.isEmpty()) {
            error = "malformed event in the upstream stream";
            return;
        }
        JsonNode data = parsed.get();
        String type = data.path("type").asText(event.event());
        switch (type) {
            case "response.completed" -> ResponseResult.payloads(data.path("response")).forEach(record);
            case "response.failed" -> error = "response failed: "
                    + data.path("response").path("error").path("message").asText("no reason given");
            case "error" -> error = errorEvent(data);
            default -> {
                // Deltas are rebuilt in the completed response; nothing to record yet.
            }
        }
    }

    // The error sits on the event itself or in a nested error object, whose code may be null while its type is set.
    private static String errorEvent(JsonNode data) {
        JsonNode nested = data.path("error");
        JsonNode detail = nested.isObject() ? nested : data;
        String kind = Stream.of(detail.path("code"), nested.path("type")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).findFirst().orElse("error");
        return kind + ": " + detail.path("message").asText("");
    }

    @Override
    public void finish() {
        // Everything is recorded when response.completed arrives.
    }

    @Override
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
