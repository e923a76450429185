package dev.aigw.recorder.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Events the topology did not record, by reason, for the health endpoint and operators. These count attempts: a task
 * that is retried after a crash counts its events again, unlike the audit rows.
 */
public final class Counters {
    /** Events skipped because their interception is past retention. */
    public static final String EXPIRED = "expired";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one event for {@code reason}: a dead-letter reason or {@link #EXPIRED}. */
    public void count(String reason) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** Events counted for {@code reason} so far. */
    public long get(String reason) {
        LongAdder adder = counts.get(reason);
        return adder == null ? 0 : adder.sum();
    }

    /** Every count so far, by reason. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new ConcurrentHashMap<>();
        counts.forEach((reason, adder) -> copy.put(reason, adder.sum()));
        return copy;
    }
}
