package dev.aigw.bench.load;

import java.time.Duration;

/**
 * What one run measured.
 *
 * @param ok        answers with a 2xx status read to their end
 * @param failed    connection errors, non-2xx answers and answers cut short
 * @param total     request start (or, open model, the moment it was due) to the answer's last byte
 * @param firstByte request start to the first byte of the body
 * @param eventGap  time between consecutive SSE events of one answer; {@link Percentiles#NONE} for blocking calls
 */
public record LoadResult(long ok, long failed, Duration elapsed, Percentiles total, Percentiles firstByte,
                         Percentiles eventGap) {
    /** Successful answers per second. */
    public double perSecond() {
        return elapsed.isZero() ? 0 : ok * 1e9 / elapsed.toNanos();
    }
}
