package dev.aigw.gateway.intercept;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Interception and event ids: version 7 UUIDs (RFC 9562), a millisecond timestamp then 74 random bits. Ids name
 * records, they grant nothing, so they need no secure random: {@link UUID#randomUUID()} drew from one locked
 * {@code SecureRandom} for every event and was the gateway's hottest method at saturation.
 */
final class Ids {
    private Ids() {
    }

    /** A fresh id, ordered by creation time to the millisecond. */
    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = epochMillis << 16 | 0x7000L | random.nextLong() & 0x0fffL;
        long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
