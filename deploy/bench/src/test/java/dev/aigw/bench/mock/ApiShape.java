package dev.aigw.bench.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** What a test reads from each API's answers, written from the providers' documented shapes, not from the mock's. */
enum ApiShape {
    CHAT("/v1/chat/completions", "/choices/0/message/content", "/usage/completion_tokens") {
        @Override
        String delta(SseEvent event) {
            if (event.data().equals("[DONE]")) {
                return null;
            }
            JsonNode content = event.json().at("/choices/0/delta/content");
            return content.isTextual() ? content.asText() : null;
        }
    },
    RESPONSES("/v1/responses", "/output/0/content/0/text", "/usage/output_tokens") {
        @Override
        String delta(SseEvent event) {
            return "response.output_text.delta".equals(event.name()) ? event.json().get("delta").asText() : null;
        }
    },
    MESSAGES("/v1/messages", "/content/0/text", "/usage/output_tokens") {
        @Override
        String delta(SseEvent event) {
            return "content_block_delta".equals(event.name()) ? event.json().at("/delta/text").asText() : null;
        }
    };

    static final ObjectMapper MAPPER = new ObjectMapper();

    final String path;
    final String textPointer;
    final String outputTokensPointer;

    ApiShape(String path, String textPointer, String outputTokensPointer) {
        this.path = path;
        this.textPointer = textPointer;
        this.outputTokensPointer = outputTokensPointer;
    }

    /** The text a streamed event adds, or {@code null} when it adds none. */
    abstract String delta(SseEvent event);

    /** The texts of the stream's deltas, in order. */
    List<String> deltas(List<SseEvent> events) {
        List<String> deltas = new ArrayList<>();
        for (SseEvent event : events) {
            String delta = delta(event);
            if (delta != null) {
                deltas.add(delta);
            }
        }
        return deltas;
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String body(boolean stream) {
        return "{\"model\":\"m\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    /** One server-sent event; {@code name} is null when only {@code data:} was sent. */
    record SseEvent(String name, String data) {
        JsonNode json() {
            return ApiShape.json(data);
        }

        static List<SseEvent> parse(String body) {
            List<SseEvent> events = new ArrayList<>();
            for (String block : body.split("\n\n")) {
                String name = null;
                String data = null;
                for (String line : block.split("\n")) {
                    if (line.startsWith("event: ")) {
                        name = line.substring("event: ".length());
                    } else if (line.startsWith("data: ")) {
                        data = line.substring("data: ".length());
                    }
                }
                if (data != null) {
                    events.add(new SseEvent(name, data));
                }
            }
            return events;
        }
    }
}
