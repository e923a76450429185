package dev.aigw.gateway.intercept.responses;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The audit payloads of a finished Responses API response object: thoughts, tool calls and token usage. */
public final class ResponseResult {
    private static final List<String> TEXT_INPUTS = List.of("arguments", "input", "code");
    private static final List<String> STRUCTURED_INPUTS = List.of("action", "queries", "operation");

    private ResponseResult() {
    }

    /** The payloads of a blocking response body; throws when it is not JSON. */
    public static List<Payload> payloads(byte[] body) throws IOException {
        return payloads(BodyJson.answer(body));
    }

    /** The payloads of a response object, in output order, token usage last. */
    public static List<Payload> payloads(JsonNode response) {
        String id = response.path("id").asText(null);
        List<Payload> payloads = new ArrayList<>();
        for (JsonNode item : response.path("output")) {
            payloads.addAll(item(id, item));
        }
        usage(response).ifPresent(payloads::add);
        return payloads;
    }

    /** The token usage of a response object, when it carries one. */
    static Optional<Payload> usage(JsonNode response) {
        return response.path("usage").isObject()
                ? Optional.of(new Payload.Tokens(tokenUsage(response.path("usage"), response.path("id").asText(null),
                        response.path("model").asText(null))))
                : Optional.empty();
    }

    /**
     * The payloads of one output item: its thoughts, or the tool call it is. A tool call whose item is not
     * {@code completed} is kept as it stands and marked: {@code incomplete} (the output limit cut the response) or
     * {@code in_progress} (the stream ended before the item did).
     */
    static List<Payload> item(String responseId, JsonNode item) {
        List<Payload> payloads = new ArrayList<>();
        String type = item.path("type").asText();
        switch (type) {
            case "reasoning" -> item.path("summary").forEach(s -> thought(payloads, responseId, s.path("text"),
                    ThoughtSource.REASONING_SUMMARY));
            case "message" -> {
                if ("commentary".equals(item.path("phase").asText())) {
                    item.path("content").forEach(c -> thought(payloads, responseId, c.path("text"), ThoughtSource.COMMENTARY));
                }
            }
            default -> {
                if (type.endsWith("_call")) {
                    payloads.add(new Payload.Tool(tool(responseId, item, type)));
                }
            }
        }
        return payloads;
    }

    private static void thought(List<Payload> payloads, String id, JsonNode text, ThoughtSource source) {
        if (text.isTextual() && !text.asText().isBlank()) {
            payloads.add(new Payload.Thought(new ModelThought(id, text.asText(), source)));
        }
    }

    /**
     * A tool call item: the client's {@code function_call} and {@code custom_tool_call}, or one the provider runs
     * itself ({@code web_search_call}, {@code file_search_call}, {@code code_interpreter_call}, {@code mcp_call},
     * {@code image_generation_call}, {@code computer_call}, {@code local_shell_call}, ...). It is named by its
     * {@code name} where it has one (function, custom and MCP tools), else by its type, as the reference names them.
     */
    private static ToolUsage tool(String responseId, JsonNode item, String type) {
        String name = item.path("name").asText("");
        ToolUsage call = ToolUsage.newBuilder()
                .setProviderResponseId(responseId)
                .setToolCallId(item.path("call_id").asText(item.path("id").asText("")))
                .setItemId(item.path("id").asText(null))
                .setTool(name.isEmpty() ? type : name)
                .setInput(input(item))
                .setInvocationError(item.path("error").isTextual() ? item.path("error").asText() : null)
                .build();
        return switch (item.path("status").asText("")) {
            case "incomplete" -> Partial.OUTPUT_LIMIT.mark(call);
            case "in_progress" -> Partial.STREAM_ENDED.mark(call);
            default -> call;
        };
    }

    /**
     * What the call was asked to do: the text the model wrote ({@code arguments} of function and MCP calls,
     * {@code input} of custom tools, {@code code} of the code interpreter), else the structured request of a built-in
     * tool as JSON (a web search's or computer's {@code action}, a file search's {@code queries}); empty when there is
     * none, as for image generation, whose result is no input.
     */
    private static String input(JsonNode item) {
        for (String text : TEXT_INPUTS) {
            if (item.path(text).isTextual()) {
                return item.path(text).asText();
            }
        }
        for (String structured : STRUCTURED_INPUTS) {
            if (item.path(structured).isContainerNode()) {
                return item.path(structured).toString();
            }
        }
        return "";
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
