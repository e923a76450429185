package dev.aigw.query.views;

import dev.aigw.query.store.Tokens;
import java.util.Map;

/** Token totals by type; {@code metadata} holds provider-specific extra counts where there are any. */
public record TokenUsageView(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                             long reasoningTokens, Map<String, Long> metadata) {
    static TokenUsageView of(Tokens t) {
        return new TokenUsageView(t.input(), t.output(), t.cacheRead(), t.cacheWrite(), t.reasoning(), Map.of());
    }
}
