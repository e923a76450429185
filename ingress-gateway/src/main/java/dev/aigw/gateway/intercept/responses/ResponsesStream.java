package dev.aigw.gateway.intercept.responses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.events.v1.Payload;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.sse.SseEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Follows a Responses API SSE stream. The {@code response.completed} (or, when the output limit stopped it,
 * {@code response.incomplete}) event carries the whole final response, so the audit is taken from it. A stream that
 * ends without one (an {@code error} or {@code response.failed} event, or a connection broken by either side) still
 * records what reached the client: each output item as its {@code response.output_item.done} gave it, or, for an item
 * still open, as its {@code added} event and the deltas since built it, so a tool call is kept as far as it came and
 * marked incomplete by its {@code in_progress} status.
 */
public final class ResponsesStream implements StreamAudit {
    private static final List<String> RESULTS = List.of("result", "results", "output", "outputs");
    private final Consumer<Payload> record;
    private final Map<Integer, ObjectNode> items = new TreeMap<>();
    private String responseId;
    private JsonNode failedResponse;
    private boolean recorded;
    private String error;

    /** A follower that hands each payload to {@code record}. */
    public ResponsesStream(Consumer<Payload> record) {
        this.record = record;
    }

    @Override
    public void accept(SseEvent event) {
        Optional<JsonNode> parsed = BodyJson.event(event.data());
        if (parsed.isEmpty()) {
            error = "malformed event in the upstream stream";
            return;
        }
        JsonNode data = parsed.get();
        String type = data.path("type").asText(event.event());
        switch (type) {
            case "response.created", "response.in_progress" -> responseId = data.path("response").path("id").asText(responseId);
            case "response.completed", "response.incomplete" -> {
                if (!recorded) {
                    recorded = true;
                    ResponseResult.payloads(data.path("response")).forEach(record);
                }
            }
            case "response.failed" -> {
                failedResponse = data.path("response");
                error = "response failed: " + failedResponse.path("error").path("message").asText("no reason given");
            }
            case "error" -> error = errorEvent(data);
            case "response.output_item.added", "response.output_item.done" ->
                    keep(data.path("output_index").asInt(), data.path("item"));
            default -> delta(type, data);
        }
    }

    // Only what the audit records is kept until the end: not the answer's messages, nor the results of tools (an
    // image generation's result alone can be megabytes), so a long answer does not stay in memory twice.
    private void keep(int index, JsonNode item) {
        String type = item.path("type").asText();
        boolean audited = type.equals("reasoning") || type.endsWith("_call")
                || type.equals("message") && "commentary".equals(item.path("phase").asText());
        if (!item.isObject() || !audited) {
            items.remove(index);
            return;
        }
        ObjectNode kept = ((ObjectNode) item).deepCopy();
        kept.remove(RESULTS);
        items.put(index, kept);
    }

    // The deltas that build an open item's text: the arguments, input or code of a tool call, a reasoning summary, the
    // text of a message. Output text of other messages is the answer, which the audit does not keep.
    private void delta(String type, JsonNode data) {
        ObjectNode item = items.get(data.path("output_index").asInt(-1));
        if (item == null || !type.endsWith(".delta")) {
            return;
        }
        String delta = data.path("delta").asText("");
        switch (type) {
            case "response.function_call_arguments.delta", "response.mcp_call_arguments.delta" ->
                    append(item, "arguments", delta);
            case "response.custom_tool_call_input.delta" -> append(item, "input", delta);
            case "response.code_interpreter_call_code.delta" -> append(item, "code", delta);
            case "response.reasoning_summary_text.delta" ->
                    appendText(item, "summary", data.path("summary_index").asInt(), delta);
            case "response.output_text.delta" -> {
                if ("commentary".equals(item.path("phase").asText())) {
                    appendText(item, "content", data.path("content_index").asInt(), delta);
                }
            }
            default -> {
                // Other deltas (audio, refusals, images in progress) are not part of the audit.
            }
        }
    }

    private static void append(ObjectNode item, String field, String delta) {
        item.put(field, item.path(field).asText("") + delta);
    }

    private static void appendText(ObjectNode item, String array, int index, String delta) {
        ArrayNode parts = item.path(array).isArray() ? (ArrayNode) item.path(array) : item.putArray(array);
        while (parts.size() <= index) {
            parts.addObject().put("text", "");
        }
        if (!parts.get(index).isObject()) {
            parts.set(index, BodyJson.emptyObject());
        }
        append((ObjectNode) parts.get(index), "text", delta);
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
        if (recorded) {
            return;
        }
        recorded = true;
        String id = failedResponse != null ? failedResponse.path("id").asText(responseId) : responseId;
        items.values().forEach(item -> ResponseResult.item(id, item).forEach(record));
        if (failedResponse != null) {
            ResponseResult.usage(failedResponse).ifPresent(record);
        }
    }

    @Override
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
