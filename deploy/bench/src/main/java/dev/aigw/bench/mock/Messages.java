package dev.aigw.bench.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Anthropic Messages: a {@code message}, or its events from {@code message_start} to {@code message_stop}. */
final class Messages implements ApiFormat {
    private static final String ID = "msg_mock";
    private static final String MODEL = "mock-claude";

    @Override
    public String pathSuffix() {
        return "/messages";
    }

    @Override
    public Answer render(MockProfile profile) {
        String text = AnswerText.of(profile.contentBytes());
        ObjectNode message = message("end_turn", profile.deltas());
        message.withArrayProperty("content").addObject().put("type", "text").put("text", text);

        // Anthropic counts a first output token in message_start; message_delta then carries the total.
        ObjectNode start = Sse.event("message_start").set("message", message(null, 1));
        ObjectNode blockStart = Sse.event("content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        List<byte[]> deltas = new ArrayList<>();
        for (String piece : AnswerText.split(text, profile.deltas())) {
            ObjectNode delta = Sse.event("content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", piece);
            deltas.add(Sse.typed(delta));
        }
        ObjectNode messageDelta = Sse.event("message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", profile.deltas());
        byte[] closing = Sse.join(List.of(Sse.typed(Sse.event("content_block_stop").put("index", 0)),
                Sse.typed(messageDelta), Sse.typed(Sse.event("message_stop"))));
        return new Answer(Json.bytes(message), Sse.join(List.of(Sse.typed(start), Sse.typed(blockStart))), deltas,
                closing);
    }

    // The stop reason is null while the message is still streaming.
    private static ObjectNode message(String stopReason, int outputTokens) {
        ObjectNode message = Json.object().put("id", ID).put("type", "message").put("role", "assistant")
                .put("model", MODEL);
        message.putArray("content");
        message.put("stop_reason", stopReason).putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", INPUT_TOKENS).put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0).put("output_tokens", outputTokens);
        return message;
    }
}
