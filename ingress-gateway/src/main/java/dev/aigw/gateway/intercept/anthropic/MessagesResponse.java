package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a blocking Anthropic Messages response into audit payloads: token usage, thoughts and tool calls. */
public final class MessagesResponse {
    private MessagesResponse() {
    }

    /** The payloads of a successful response body, in the order the model produced them; throws on invalid JSON. */
    public static List<Payload> payloads(byte[] body) throws IOException {
        JsonNode root = Json.tree(body);
        String responseId = root.path("id").asText(null);
        List<Payload> payloads = new ArrayList<>();
        payloads.add(new Payload.Tokens(tokenUsage(root.path("usage"), responseId, root.path("model").asText(null))));
        for (JsonNode block : root.path("content")) {
            switch (block.path("type").asText()) {
                case "thinking" -> {
                    String text = block.path("thinking").asText("");
                    if (!text.isEmpty()) {
                        payloads.add(new Payload.Thought(new ModelThought(responseId, text, ThoughtSource.THINKING)));
                    }
                }
                case "tool_use" -> payloads.add(new Payload.Tool(ToolUsage.newBuilder()
                        .setProviderResponseId(responseId)
                        .setToolCallId(block.path("id").asText(""))
                        .setTool(block.path("name").asText(""))
                        .setInput(block.path("input").toString())
                        .build()));
                default -> {
                    // Text and other blocks are the answer itself, which the audit does not keep.
                }
            }
        }
        return payloads;
    }

    static TokenUsage tokenUsage(JsonNode usage, String responseId, String model) {
        Map<String, Long> extra = new HashMap<>();
        Json.putIfNumber(extra, "web_search_requests", usage.path("server_tool_use").path("web_search_requests"));
        Json.putIfNumber(extra, "cache_ephemeral_1h_input", usage.path("cache_creation").path("ephemeral_1h_input_tokens"));
        Json.putIfNumber(extra, "cache_ephemeral_5m_input", usage.path("cache_creation").path("ephemeral_5m_input_tokens"));
        return TokenUsage.newBuilder()
                .setProviderResponseId(responseId)
                .setProviderModel(model)
                .setInputTokens(usage.path("input_tokens").asLong(0))
                .setOutputTokens(usage.path("output_tokens").asLong(0))
                .setCacheReadInputTokens(usage.path("cache_read_input_tokens").asLong(0))
                .setCacheWriteInputTokens(usage.path("cache_creation_input_tokens").asLong(0))
                .setExtra(extra)
                .build();
    }
}
