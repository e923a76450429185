package dev.aigw.bench.load;

import java.util.Map;
import java.util.Optional;

/**
 * One whole answer, as read by {@link HttpConnection#exchange(Call)}.
 *
 * @param headers response headers, looked up without regard to case; repeated headers joined with {@code ", "}
 * @param endedAt {@link System#nanoTime()} when the body's end arrived
 */
public record Exchange(int status, Map<String, String> headers, byte[] body, long endedAt) {
    /** The header's value, whatever the case of {@code name}. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
