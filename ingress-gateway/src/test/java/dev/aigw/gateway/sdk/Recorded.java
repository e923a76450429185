package dev.aigw.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import java.util.List;
import java.util.Map;

/**
 * The events the gateway put on Kafka for one interception, one accessor per kind of event that a tool-calling
 * exchange records exactly once.
 *
 * @param payloads the interception's payloads in topic order
 */
record Recorded(List<Object> payloads) {
    /** The response header that names the interception, which the SDKs expose through their raw responses. */
    static final String INTERCEPTION_HEADER = "X-AI-Gateway-Interception-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    InterceptionStarted started() {
        return (InterceptionStarted) payloads.getFirst();
    }

    String prompt() {
        return single(PromptUsage.class).getPrompt();
    }

    private ToolUsage tool() {
        return single(ToolUsage.class);
    }

    TokenUsage tokens() {
        return single(TokenUsage.class);
    }

    InterceptionStatus status() {
        return ((InterceptionEnded) payloads.getLast()).getStatus();
    }

    /** The recorded tool call and token usage, the input read as JSON so that its spacing does not matter. */
    ToolAnswer answer() {
        ToolUsage tool = tool();
        TokenUsage tokens = tokens();
        return new ToolAnswer(tool.getToolCallId(), tool.getTool(), object(tool.getInput()), tokens.getInputTokens(),
                tokens.getOutputTokens());
    }

    /** A JSON object read into a map, e.g. a tool call's arguments. */
    static Map<?, ?> object(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON object: " + json, e);
        }
    }

    private <T> T single(Class<T> kind) {
        List<T> found = payloads.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).as(kind.getSimpleName() + " events in " + payloads).hasSize(1);
        return found.getFirst();
    }
}
