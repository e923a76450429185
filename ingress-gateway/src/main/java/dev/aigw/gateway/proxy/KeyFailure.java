package dev.aigw.gateway.proxy;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.time.Duration;
import java.util.Optional;

/** Reads a provider's answer for what it says about the key that was sent. */
final class KeyFailure {
    // What the reference waits when a rate-limited answer does not say how long.
    private static final Duration DEFAULT_COOL_DOWN = Duration.ofSeconds(60);
    private static final HeaderName RETRY_AFTER_MS = HeaderNames.create("retry-after-ms");

    private KeyFailure() {
    }

    /** Marks the key in the pool when the answer rate-limits (429) or refuses (401, 403) it; true if it did. */
    static boolean mark(Answer answer, String key, KeyPool pool) {
        return switch (answer.status()) {
            case 429 -> {
                pool.rateLimited(key, retryAfter(answer.headers()).orElse(DEFAULT_COOL_DOWN));
                yield true;
            }
            case 401, 403 -> {
                pool.refused(key);
                yield true;
            }
            default -> false;
        };
    }

    // OpenAI sends retry-after-ms; everyone sends Retry-After in seconds (HTTP dates are not used by providers).
    static Optional<Duration> retryAfter(Headers headers) {
        Optional<Duration> millis = headers.first(RETRY_AFTER_MS).flatMap(v -> parse(v).map(Duration::ofMillis));
        return millis.or(() -> headers.first(HeaderNames.RETRY_AFTER).flatMap(v -> parse(v).map(Duration::ofSeconds)));
    }

    private static Optional<Long> parse(String value) {
        try {
            long parsed = (long) Double.parseDouble(value.strip());
            return parsed > 0 ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
