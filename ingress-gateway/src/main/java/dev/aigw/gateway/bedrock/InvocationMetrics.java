package dev.aigw.gateway.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.gateway.intercept.BodyJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Bedrock's own token counts of one invocation, recorded as {@code bedrock_*} extra counters of the token usage the
 * Anthropic events report. A stream carries them in its last chunk, a blocking answer in response headers.
 */
final class InvocationMetrics {
    /** Where the stream's last chunk keeps them. */
    static final String FIELD = "amazon-bedrock-invocationMetrics";

    /**
     * One counter.
     *
     * @param field  its name in a stream's invocation metrics
     * @param header its response header in a blocking answer
     * @param key    its key among the token usage's extra counters
     */
    private record Counter(String field, String header, String key) {
    }

    private static final List<Counter> COUNTERS = List.of(
            new Counter("inputTokenCount", "X-Amzn-Bedrock-Input-Token-Count", "bedrock_input_tokens"),
            new Counter("outputTokenCount", "X-Amzn-Bedrock-Output-Token-Count", "bedrock_output_tokens"),
            new Counter("cacheReadInputTokenCount", "X-Amzn-Bedrock-Cache-Read-Input-Token-Count",
                    "bedrock_cache_read_input_tokens"),
            new Counter("cacheWriteInputTokenCount", "X-Amzn-Bedrock-Cache-Write-Input-Token-Count",
                    "bedrock_cache_write_input_tokens"));

    private final Map<String, Long> counts = new HashMap<>();

    /** Takes the counts of a stream chunk, if it has them. */
    void read(JsonNode chunk) {
        JsonNode metrics = chunk.path(FIELD);
        COUNTERS.forEach(c -> BodyJson.putIfNumber(counts, c.key(), metrics.path(c.field())));
    }

    /** Takes the counts of a blocking answer's headers. */
    void read(Function<String, Optional<String>> header) {
        for (Counter c : COUNTERS) {
            header.apply(c.header()).flatMap(InvocationMetrics::number).ifPresent(n -> counts.put(c.key(), n));
        }
    }

    /** The payload, with the counts added when it is the token usage. */
    Payload addTo(Payload payload) {
        if (payload instanceof Payload.Tokens(TokenUsage usage) && !counts.isEmpty()) {
            Map<String, Long> extra = new HashMap<>(usage.getExtra());
            extra.putAll(counts);
            usage.setExtra(extra);
        }
        return payload;
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
