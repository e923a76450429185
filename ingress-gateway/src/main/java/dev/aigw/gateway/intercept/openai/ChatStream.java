package dev.aigw.gateway.intercept.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.Payload;
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
 * Follows a Chat Completions SSE stream. Every tool call is recorded (by its {@code index}, not only the first), and
 * usage is taken from the last chunk that carries it: some providers repeat cumulative usage on every chunk, so
 * adding the chunks up would count tokens many times.
 *
 * <p>Calls stream one after another, so only the last can be cut short: when the stream ends before a
 * {@code finish_reason} or {@code [DONE]}, it is recorded as far as it came and marked {@link Partial#STREAM_ENDED};
 * when the reason is {@code length}, the output limit cut it ({@link Partial#OUTPUT_LIMIT}).
 */
public final class ChatStream implements StreamAudit {
    private final Consumer<Payload> record;
    private final Map<Integer, Call> calls = new TreeMap<>();
    private JsonNode usage;
    private String responseId;
    private String model;
    private String error;
    private String finishReason;
    private boolean done;

    /** A follower that hands each finished payload to {@code record}. */
    public ChatStream(Consumer<Payload> record) {
        this.record = record;
    }

    @Override
    public void accept(SseEvent event) {
        if (event.data().equals("[DONE]")) {
            done = true;
            return;
        }
        Optional<JsonNode> parsed = BodyJson.event(event.data());
        if (parsed.isEmpty()) {
            return;
        }
        JsonNode chunk = parsed.get();
        if (chunk.has("error")) {
            error = chunk.path("error").path("type").asText("error") + ": " + chunk.path("error").path("message").asText("");
            return;
        }
        if (responseId == null && chunk.path("id").isTextual()) {
            responseId = chunk.path("id").asText();
            model = chunk.path("model").asText(null);
        }
        if (chunk.path("usage").isObject()) {
            usage = chunk.path("usage");
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.path("finish_reason").asText();
        }
        for (JsonNode delta : choice.path("delta").path("tool_calls")) {
            calls.computeIfAbsent(delta.path("index").asInt(calls.size()), i -> new Call()).append(delta);
        }
    }

    @Override
    public void finish() {
        Optional<Partial> cut = finishReason == null && !done ? Optional.of(Partial.STREAM_ENDED)
                : ChatResponse.cut(finishReason);
        int last = calls.size() - 1;
        int i = 0;
        for (Call c : calls.values()) {
            ToolUsage call = ChatResponse.toolUsage(responseId, c.id, c.name, c.arguments.toString());
            record.accept(new Payload.Tool(i++ == last ? cut.map(p -> p.mark(call)).orElse(call) : call));
        }
        if (usage != null) {
            record.accept(new Payload.Tokens(ChatResponse.tokenUsage(usage, responseId, model)));
        }
    }

    @Override
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** A tool call assembled from its fragments. */
    private static final class Call {
        private String id = "";
        private String name = "";
        private final StringBuilder arguments = new StringBuilder();

        void append(JsonNode delta) {
            if (delta.path("id").isTextual()) {
                id = delta.path("id").asText();
            }
            JsonNode function = delta.path("function");
            if (function.path("name").isTextual() && !function.path("name").asText().isEmpty()) {
                name = function.path("name").asText();
            }
            arguments.append(function.path("arguments").asText(""));
        }
    }
}
