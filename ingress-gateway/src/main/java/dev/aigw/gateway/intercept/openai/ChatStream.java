package dev.aigw.gateway.intercept.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.Payload;
import dev.aigw.gateway.intercept.Json;
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
 */
public final class ChatStream implements StreamAudit {
    private final Consumer<Payload> record;
    private final Map<Integer, Call> calls = new TreeMap<>();
    private JsonNode usage;
    private String responseId;
    private String model;
    private String error;

    /** A follower that hands each finished payload to {@code record}. */
    public ChatStream(Consumer<Payload> record) {
        this.record = record;
    }

    @Override
    public void accept(SseEvent event) {
        if (event.data().equals("[DONE]")) {
            return;
        }
        Optional<JsonNode> parsed = Json.event(event.data());
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
        for (JsonNode delta : chunk.path("choices").path(0).path("delta").path("tool_calls")) {
            calls.computeIfAbsent(delta.path("index").asInt(calls.size()), i -> new Call()).append(delta);
        }
    }

    @Override
    public void finish() {
        calls.values().forEach(c -> record.accept(
                new Payload.Tool(ChatResponse.toolUsage(responseId, c.id, c.name, c.arguments.toString()))));
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
