package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.Partial;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.sse.SseEvent;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Follows an Anthropic Messages SSE stream and records thoughts and tool calls as each block completes, and the
 * token usage when the stream ends. Output tokens are the final count of {@code message_delta}, which Anthropic
 * reports cumulatively; adding the {@code message_start} count to it would count tokens twice.
 *
 * <p>Whatever reached the client is recorded however the stream ends: blocks still open at the end are recorded as far
 * as they came, a tool call among them marked {@link Partial#STREAM_ENDED}. The last tool call is held until the
 * {@code message_delta} that follows it, because only that says whether {@code max_tokens} cut it short.
 */
public final class MessagesStream implements StreamAudit {
    private final Consumer<Payload> record;
    private final Map<Integer, Block> open = new TreeMap<>();
    private JsonNode startUsage = BodyJson.emptyObject();
    private JsonNode finalUsage;
    private ToolUsage heldCall;
    private String responseId;
    private String model;
    private String error;

    /** A follower that hands each finished payload to {@code record}. */
    public MessagesStream(Consumer<Payload> record) {
        this.record = record;
    }

    @Override
    public void accept(SseEvent event) {
        Optional<JsonNode> parsed = BodyJson.event(event.data());
        if (parsed.isEmpty()) {
            return;
        }
        JsonNode data = parsed.get();
        switch (data.path("type").asText()) {
            case "message_start" -> {
                JsonNode message = data.path("message");
                responseId = message.path("id").asText(null);
                model = message.path("model").asText(null);
                startUsage = message.path("usage");
            }
            case "content_block_start" -> {
                releaseHeldCall(Optional.empty());
                open.put(data.path("index").asInt(), new Block(data.path("content_block")));
            }
            case "content_block_delta" -> {
                Block block = open.get(data.path("index").asInt());
                if (block != null) {
                    block.append(data.path("delta"));
                }
            }
            case "content_block_stop" -> {
                Block block = open.remove(data.path("index").asInt());
                if (block != null) {
                    close(block);
                }
            }
            case "message_delta" -> {
                finalUsage = data.path("usage");
                boolean limited = "max_tokens".equals(data.path("delta").path("stop_reason").asText());
                releaseHeldCall(limited ? Optional.of(Partial.OUTPUT_LIMIT) : Optional.empty());
            }
            case "error" -> error = data.path("error").path("type").asText("error") + ": "
                    + data.path("error").path("message").asText("");
            default -> {
                // ping and message_stop carry nothing to record.
            }
        }
    }

    private void close(Block block) {
        if (block.isToolCall()) {
            heldCall = block.toolCall(responseId, false);
        } else {
            block.thought(responseId).ifPresent(record);
        }
    }

    private void releaseHeldCall(Optional<Partial> cut) {
        if (heldCall != null) {
            ToolUsage call = heldCall;
            record.accept(new Payload.Tool(cut.map(p -> p.mark(call)).orElse(call)));
            heldCall = null;
        }
    }

    @Override
    public void finish() {
        releaseHeldCall(Optional.empty());
        open.values().forEach(block -> {
            if (block.isToolCall()) {
                record.accept(new Payload.Tool(Partial.STREAM_ENDED.mark(block.toolCall(responseId, true))));
            } else {
                block.thought(responseId).ifPresent(record);
            }
        });
        open.clear();
        if (responseId == null) {
            return;
        }
        var usage = MessagesResponse.tokenUsage(startUsage, responseId, model);
        if (finalUsage != null) {
            if (finalUsage.path("output_tokens").isNumber()) {
                usage.setOutputTokens(finalUsage.path("output_tokens").asLong());
            }
            // The provider's own web searches happen during the answer, so only the final count has them.
            JsonNode searches = finalUsage.path("server_tool_use").path("web_search_requests");
            BodyJson.putIfNumber(usage.getExtra(), "web_search_requests", searches);
        }
        record.accept(new Payload.Tokens(usage));
    }

    @Override
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** A content block being streamed: its kind and the text accumulated so far. */
    private static final class Block {
        private final String type;
        private final JsonNode start;
        private final StringBuilder text = new StringBuilder();

        Block(JsonNode start) {
            this.type = start.path("type").asText();
            this.start = start;
        }

        void append(JsonNode delta) {
            switch (delta.path("type").asText()) {
                case "thinking_delta" -> text.append(delta.path("thinking").asText(""));
                case "input_json_delta" -> text.append(delta.path("partial_json").asText(""));
                default -> {
                    // Text and signature deltas are not part of the audit.
                }
            }
        }

        boolean isToolCall() {
            return MessagesResponse.isToolCall(type);
        }

        /**
         * The call as streamed: the concatenated {@code input_json_delta} fragments, exactly what the model emitted. A
         * whole call without fragments takes the start's input; a cut one keeps only what came, possibly nothing.
         */
        ToolUsage toolCall(String responseId, boolean cut) {
            String input = cut || !text.isEmpty() ? text.toString() : start.path("input").toString();
            return MessagesResponse.toolCall(responseId, start, input);
        }

        Optional<Payload> thought(String responseId) {
            return "thinking".equals(type) && !text.isEmpty()
                    ? Optional.of(new Payload.Thought(new ModelThought(responseId, text.toString(), ThoughtSource.THINKING)))
                    : Optional.empty();
        }
    }
}
