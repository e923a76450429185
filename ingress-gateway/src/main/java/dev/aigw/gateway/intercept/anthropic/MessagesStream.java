package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.Json;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.sse.SseEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows an Anthropic Messages SSE stream and records thoughts and tool calls as each block completes, and the
 * token usage when the stream ends. Output tokens are the final count of {@code message_delta}, which Anthropic
 * reports cumulatively; adding the {@code message_start} count to it would count tokens twice.
 */
public final class MessagesStream implements StreamAudit {
    private final Consumer<Payload> record;
    private final Map<Integer, Block> open = new HashMap<>();
    private JsonNode startUsage = Json.emptyObject();
    private JsonNode finalUsage;
    private String responseId;
    private String model;
    private String error;

    /** A follower that hands each finished payload to {@code record}. */
    public MessagesStream(Consumer<Payload> record) {
        this.record = record;
    }

    @Override
    public void accept(SseEvent event) {
        Optional<JsonNode> parsed = Json.event(event.data());
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
            case "content_block_start" -> open.put(data.path("index").asInt(), new Block(data.path("content_block")));
            case "content_block_delta" -> {
                Block block = open.get(data.path("index").asInt());
                if (block != null) {
                    block.append(data.path("delta"));
                }
            }
            case "content_block_stop" -> {
                Block block = open.remove(data.path("index").asInt());
                if (block != null) {
                    block.payload(responseId).ifPresent(record);
                }
            }
            case "message_delta" -> finalUsage = data.path("usage");
            case "error" -> error = data.path("error").path("type").asText("error") + ": "
                    + data.path("error").path("message").asText("");
            default -> {
                // ping and message_stop carry nothing to record.
            }
        }
    }

    @Override
    public void finish() {
        if (responseId == null) {
            return;
        }
        var usage = MessagesResponse.tokenUsage(startUsage, responseId, model);
        if (finalUsage != null && finalUsage.path("output_tokens").isNumber()) {
            usage.setOutputTokens(finalUsage.path("output_tokens").asLong());
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

        Optional<Payload> payload(String responseId) {
            return switch (type) {
                case "thinking" -> text.isEmpty() ? Optional.empty()
                        : Optional.of(new Payload.Thought(new ModelThought(responseId, text.toString(), ThoughtSource.THINKING)));
                case "tool_use" -> Optional.of(new Payload.Tool(ToolUsage.newBuilder()
                        .setProviderResponseId(responseId)
                        .setToolCallId(start.path("id").asText(""))
                        .setTool(start.path("name").asText(""))
                        .setInput(text.isEmpty() ? start.path("input").toString() : text.toString())
                        .build()));
                default -> Optional.empty();
            };
        }
    }
}
