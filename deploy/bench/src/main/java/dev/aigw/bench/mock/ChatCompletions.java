package dev.aigw.bench.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** OpenAI Chat Completions: a {@code chat.completion}, or {@code chat.completion.chunk}s ending with usage. */
final class ChatCompletions implements ApiFormat {
    private static final String ID = "chatcmpl-mock";
    private static final String MODEL = "mock-gpt";

    @Override
    public String pathSuffix() {
        return "/chat/completions";
    }

    @Override
    public Answer render(MockProfile profile) {
        long created = Instant.now().getEpochSecond();
        String text = AnswerText.of(profile.contentBytes());

        ObjectNode completion = head("chat.completion", created);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal")
                .putArray("annotations");
        choice.putNull("logprobs").put("finish_reason", "stop");
        completion.set("usage", usage(profile.deltas()));
        completion.put("service_tier", "default");

        List<byte[]> deltas = new ArrayList<>();
        for (String piece : AnswerText.split(text, profile.deltas())) {
            ObjectNode delta = Json.object();
            if (deltas.isEmpty()) {
                delta.put("role", "assistant");
            }
            deltas.add(Sse.data(chunk(created, delta.put("content", piece), null)));
        }
        ObjectNode usage = head("chat.completion.chunk", created);
        usage.putArray("choices");
        usage.set("usage", usage(profile.deltas()));
        byte[] closing = Sse.join(List.of(Sse.data(chunk(created, Json.object(), "stop")), Sse.data(usage),
                Sse.done()));
        return new Answer(Json.bytes(completion), new byte[0], deltas, closing);
    }

    private static ObjectNode chunk(long created, ObjectNode delta, String finishReason) {
        ObjectNode chunk = head("chat.completion.chunk", created);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs").put("finish_reason", finishReason);
        return chunk.putNull("usage");
    }

    private static ObjectNode head(String object, long created) {
        return Json.object().put("id", ID).put("object", object).put("created", created).put("model", MODEL);
    }

    // The shape OpenAI sends when stream_options.include_usage is true, and in every blocking answer.
    private static ObjectNode usage(int outputTokens) {
        ObjectNode usage = Json.object().put("prompt_tokens", INPUT_TOKENS).put("completion_tokens", outputTokens)
                .put("total_tokens", INPUT_TOKENS + outputTokens);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return usage;
    }
}
