package dev.aigw.bench.mock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** OpenAI Responses: a {@code response} object, or its events from {@code response.created} to {@code completed}. */
final class Responses implements ApiFormat {
    private static final String ID = "resp_mock";
    private static final String ITEM_ID = "msg_mock";
    private static final String MODEL = "mock-gpt";

    @Override
    public String pathSuffix() {
        return "/responses";
    }

    @Override
    public Answer render(MockProfile profile) {
        long created = Instant.now().getEpochSecond();
        String text = AnswerText.of(profile.contentBytes());
        ObjectNode completed = response(created, "completed", item("completed", text), usage(profile.deltas()));

        List<ObjectNode> opening = List.of(
                Sse.event("response.created").set("response", response(created, "in_progress", null, null)),
                Sse.event("response.in_progress").set("response", response(created, "in_progress", null, null)),
                Sse.event("response.output_item.added").<ObjectNode>set("item", item("in_progress", null))
                        .put("output_index", 0),
                inPart("response.content_part.added").set("part", part("")));
        List<ObjectNode> deltas = new ArrayList<>();
        for (String piece : AnswerText.split(text, profile.deltas())) {
            deltas.add(inPart("response.output_text.delta").put("delta", piece)
                    .<ObjectNode>set("logprobs", Json.array()));
        }
        List<ObjectNode> closing = List.of(
                inPart("response.output_text.done").<ObjectNode>set("logprobs", Json.array()).put("text", text),
                inPart("response.content_part.done").set("part", part(text)),
                Sse.event("response.output_item.done").<ObjectNode>set("item", item("completed", text))
                        .put("output_index", 0),
                Sse.event("response.completed").set("response", completed));

        // Sequence numbers count every event of the stream, from 0.
        int sequence = 0;
        List<byte[]> framed = new ArrayList<>();
        for (List<ObjectNode> events : List.of(opening, deltas, closing)) {
            for (ObjectNode event : events) {
                framed.add(Sse.typed(event.put("sequence_number", sequence++)));
            }
        }
        int firstClosing = opening.size() + deltas.size();
        return new Answer(Json.bytes(completed), Sse.join(framed.subList(0, opening.size())),
                framed.subList(opening.size(), firstClosing), Sse.join(framed.subList(firstClosing, framed.size())));
    }

    // An event about the answer's one text part.
    private static ObjectNode inPart(String type) {
        return Sse.event(type).put("item_id", ITEM_ID).put("output_index", 0).put("content_index", 0);
    }

    // Item and usage are null until the response is completed.
    private static ObjectNode response(long created, String status, ObjectNode item, ObjectNode usage) {
        ObjectNode response = Json.object().put("id", ID).put("object", "response").put("created_at", created)
                .put("status", status).putNull("error").putNull("incomplete_details").putNull("instructions")
                .put("model", MODEL);
        ArrayNode output = response.putArray("output");
        if (item != null) {
            output.add(item);
        }
        response.put("parallel_tool_calls", true).putNull("previous_response_id").put("store", false);
        response.putObject("text").putObject("format").put("type", "text");
        response.put("tool_choice", "auto").putArray("tools");
        return response.set("usage", usage == null ? NullNode.getInstance() : usage);
    }

    private static ObjectNode item(String status, String text) {
        ObjectNode item = Json.object().put("id", ITEM_ID).put("type", "message").put("status", status);
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(part(text));
        }
        return item.put("role", "assistant");
    }

    private static ObjectNode part(String text) {
        ObjectNode part = Json.object().put("type", "output_text");
        part.putArray("annotations");
        part.putArray("logprobs");
        return part.put("text", text);
    }

    private static ObjectNode usage(int outputTokens) {
        ObjectNode usage = Json.object().put("input_tokens", INPUT_TOKENS);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", outputTokens);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        return usage.put("total_tokens", INPUT_TOKENS + outputTokens);
    }
}
