package dev.aigw.gateway.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values one label may take, capped. Clients choose model and tool names, so without a cap one client could
 * create series without end; past the cap a new value is reported as {@value #OTHER}, which keeps totals right. A
 * value longer than {@value #MAX_LENGTH} chars is no name anyone reads on a dashboard, only a way to make every scrape
 * huge, so it is {@value #OTHER} too.
 */
final class BoundedValues {
    static final String OTHER = "other";
    static final int MAX_LENGTH = 256;

    private final int max;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedValues(int max) {
        this.max = max;
    }

    /** {@code value} itself if it was seen before or there is room for it and it is short enough, else {@value #OTHER}. */
    String of(String value) {
        if (value.length() > MAX_LENGTH) {
            return OTHER;
        }
        if (seen.contains(value)) {
            return value;
        }
        // Two threads may both pass the size check: the cap can be exceeded by a few values, never without bound.
        if (seen.size() >= max) {
            return OTHER;
        }
        seen.add(value);
        return value;
    }
}
