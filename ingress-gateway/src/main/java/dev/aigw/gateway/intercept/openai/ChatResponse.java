package dev.aigw.gateway.intercept.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.Partial;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a blocking Chat Completions response into audit payloads: token usage and every tool call. */
public final class ChatResponse {
    private ChatResponse() {
    }

    /** The payloads of a successful response body; throws on invalid JSON. */
    public static List<Payload> payloads(byte[] body) throws IOException {
        JsonNode root = BodyJson.answer(body);
        String responseId = root.path("id").asText(null);
        List<Payload> payloads = new ArrayList<>();
        JsonNode choice = root.path("choices").path(0);
        JsonNode calls = choice.path("message").path("tool_calls");
        Optional<Partial> cut = cut(choice.path("finish_reason").asText(null));
        for (int i = 0; i < calls.size(); i++) {
            JsonNode function = calls.get(i).path("function");
            ToolUsage call = toolUsage(responseId, calls.get(i).path("id").asText(""), function.path("name").asText(""),
                    function.path("arguments").asText(""));
            payloads.add(new Payload.Tool(i == calls.size() - 1 ? cut.map(p -> p.mark(call)).orElse(call) : call));
        }
        if (root.path("usage").isObject()) {
            payloads.add(new Payload.Tokens(tokenUsage(root.path("usage"), responseId, root.path("model").asText(null))));
        }
        return payloads;
    }

    /** What cut the last tool call short, for a choice that ended for {@code finishReason}; empty when nothing did. */
    static Optional<Partial> cut(String finishReason) {
        return "length".equals(finishReason) ? Optional.of(Partial.OUTPUT_LIMIT) : Optional.empty();
    }

    static ToolUsage toolUsage(String responseId, String id, String name, String arguments) {
        return ToolUsage.newBuilder().setProviderResponseId(responseId).setToolCallId(id).setTool(name)
                .setInput(arguments).build();
    }

    /** Input excludes cached prompt tokens, which are counted as cache reads instead. */
    static TokenUsage tokenUsage(JsonNode usage, String responseId, String model) {
        JsonNode prompt = usage.path("prompt_tokens_details");
        JsonNode completion = usage.path("completion_tokens_details");
        long cached = prompt.path("cached_tokens").asLong(0);
        Map<String, Long> extra = new HashMap<>();
        BodyJson.putIfNumber(extra, "prompt_audio", prompt.path("audio_tokens"));
        BodyJson.putIfNumber(extra, "completion_audio", completion.path("audio_tokens"));
        BodyJson.putIfNumber(extra, "completion_accepted_prediction", completion.path("accepted_prediction_tokens"));
        BodyJson.putIfNumber(extra, "completion_rejected_prediction", completion.path("rejected_prediction_tokens"));
        return TokenUsage.newBuilder()
                .setProviderResponseId(responseId)
                .setProviderModel(model)
                .setInputTokens(usage.path("prompt_tokens").asLong(0) - cached)
                .setOutputTokens(usage.path("completion_tokens").asLong(0))
                .setCacheReadInputTokens(cached)
                .setReasoningTokens(completion.path("reasoning_tokens").asLong(0))
                .setExtra(extra)
                .build();
    }
}
