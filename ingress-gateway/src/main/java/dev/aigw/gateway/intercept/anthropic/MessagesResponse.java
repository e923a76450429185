package dev.aigw.gateway.intercept.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.Partial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a blocking Anthropic Messages response into audit payloads: token usage, thoughts and tool calls. */
public final class MessagesResponse {
    private MessagesResponse() {
    }

    /**
     * The payloads of a successful response body, in the order the model produced them; throws on invalid JSON. A tool
     * call that ends an answer stopped by {@code max_tokens} is marked {@link Partial#OUTPUT_LIMIT}.
     */
    public static List<Payload> payloads(byte[] body) throws IOException {
        JsonNode root = BodyJson.answer(body);
        String responseId = root.path("id").asText(null);
        List<Payload> payloads = new ArrayList<>();
        payloads.add(new Payload.Tokens(tokenUsage(root.path("usage"), responseId, root.path("model").asText(null))));
        JsonNode content = root.path("content");
        for (int i = 0; i < content.size(); i++) {
            JsonNode block = content.get(i);
            String type = block.path("type").asText();
            if (isToolCall(type)) {
                ToolUsage call = toolCall(responseId, block, block.path("input").toString());
                boolean cut = i == content.size() - 1 && "max_tokens".equals(root.path("stop_reason").asText());
                payloads.add(new Payload.Tool(cut ? Partial.OUTPUT_LIMIT.mark(call) : call));
            } else if ("thinking".equals(type) && !block.path("thinking").asText("").isEmpty()) {
                payloads.add(new Payload.Thought(new ModelThought(responseId, block.path("thinking").asText(),
                        ThoughtSource.THINKING)));
            }
            // Text, redacted thinking and the results of the provider's own tools are not part of the audit.
        }
        return payloads;
    }

    /**
     * Whether a content block is a tool call: the client's ({@code tool_use}), or one the provider runs itself, a
     * server tool such as web search, web fetch or code execution ({@code server_tool_use}) or an MCP server's tool
     * ({@code mcp_tool_use}). All three carry an id, a name and an input.
     */
    static boolean isToolCall(String blockType) {
        return switch (blockType) {
            case "tool_use", "server_tool_use", "mcp_tool_use" -> true;
            default -> false;
        };
    }

    /** A tool call block as a record, named by its {@code name} ({@code web_search}, {@code Read}, an MCP tool's name). */
    static ToolUsage toolCall(String responseId, JsonNode block, String input) {
        return ToolUsage.newBuilder()
                .setProviderResponseId(responseId)
                .setToolCallId(block.path("id").asText(""))
                .setTool(block.path("name").asText(""))
                .setInput(input)
                .build();
    }

    static TokenUsage tokenUsage(JsonNode usage, String responseId, String model) {
        Map<String, Long> extra = new HashMap<>();
        BodyJson.putIfNumber(extra, "web_search_requests", usage.path("server_tool_use").path("web_search_requests"));
        BodyJson.putIfNumber(extra, "cache_ephemeral_1h_input", usage.path("cache_creation").path("ephemeral_1h_input_tokens"));
        BodyJson.putIfNumber(extra, "cache_ephemeral_5m_input", usage.path("cache_creation").path("ephemeral_5m_input_tokens"));
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
