package dev.aigw.gateway.intercept.responses;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit payloads of a finished Responses API response object: thoughts, tool calls and token usage. */
public final class ResponseResult {
    private ResponseResult() {
    }

    /** The payloads of a blocking response body; throws when it is not JSON. */
    public static List<Payload> payloads(byte[] body) throws IOException {
        return payloads(Json.tree(body));
    }

    /** The payloads of a response object, in output order, token usage last. */
    public static List<Payload> payloads(JsonNode response) {
        String id = response.path("id").asText(null);
        List<Payload> payloads = new ArrayList<>();
        for (JsonNode item : response.path("output")) {
            String type = item.path("type").asText();
            switch (type) {
                case "reasoning" -> item.path("summary").forEach(s -> thought(payloads, id, s.path("text"),
                        ThoughtSource.REASONING_SUMMARY));
                case "message" -> {
                    if ("commentary".equals(item.path("phase").asText())) {
                        item.path("content").forEach(c -> thought(payloads, id, c.path("text"), ThoughtSource.COMMENTARY));
                    }
                }
                case "function_call" -> payloads.add(tool(id, item, item.path("name").asText(""),
                        item.path("arguments").asText("")));
                case "custom_tool_call" -> payloads.add(tool(id, item, item.path("name").asText(""),
                        item.path("input").asText("")));
                default -> {
                    // Built-in tool calls (web search, file search, ...) are typed "<tool>_call".
                    if (type.endsWith("_call")) {
                        payloads.add(tool(id, item, type.substring(0, type.length() - "_call".length()), ""));
                    }
                }
            }
        }
        if (response.path("usage").isObject()) {
            payloads.add(new Payload.Tokens(tokenUsage(response.path("usage"), id, response.path("model").asText(null))));
        }
        return payloads;
    }

    private static void thought(List<Payload> payloads, String id, JsonNode text, ThoughtSource source) {
        if (text.isTextual() && !text.asText().isBlank()) {
            payloads.add(new Payload.Thought(new ModelThought(id, text.asText(), source)));
        }
    }

    private static Payload tool(String responseId, JsonNode item, String name, String input) {
        return new Payload.Tool(ToolUsage.newBuilder()
                .setProviderResponseId(responseId)
                .setToolCallId(item.path("call_id").asText(item.path("id").asText("")))
                .setItemId(item.path("id").asText(null))
                .setTool(name)
                .setInput(input)
                .build());
    }

    /** Input excludes cached tokens, which are counted as cache reads instead. */
    private static TokenUsage tokenUsage(JsonNode usage, String responseId, String model) {
        long cached = usage.path("input_tokens_details").path("cached_tokens").asLong(0);
        long reasoning = usage.path("output_tokens_details").path("reasoning_tokens").asLong(0);
        return TokenUsage.newBuilder()
                .setProviderResponseId(responseId)
                .setProviderModel(model)
                .setInputTokens(usage.path("input_tokens").asLong(0) - cached)
                .setOutputTokens(usage.path("output_tokens").asLong(0))
                .setCacheReadInputTokens(cached)
                .setReasoningTokens(reasoning)
                .setExtra(Map.of("input_cached", cached, "output_reasoning", reasoning,
                        "total_tokens", usage.path("total_tokens").asLong(0)))
                .build();
    }
}
