package dev.aigw.recorder.topology;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Events the topology did not record, by reason, for the health endpoint and operators, and what it did tell to a
 * {@link Listener} (the metrics). These count attempts: a task that is retried after a crash counts its events again,
 * unlike the audit rows.
 */
public final class Counters {
    /** Events skipped because their interception is past retention. */
    public static final String EXPIRED = "expired";
    /** Every reason the topology dead-letters a record for. */
    public static final List<String> DEAD_LETTER_REASONS = List.of(EventDecoder.UNDECODABLE, EventDecoder.INVALID,
            InterceptionProcessor.CONFLICT, InterceptionProcessor.LATE, InterceptionProcessor.TOO_MANY_EVENTS,
            DeadLetterProductionHandler.UNPRODUCIBLE);

    /** Told of what the topology does, as it does it. */
    public interface Listener {
        /** An event was folded into its interception; {@code payload} is its record type, e.g. {@code TokenUsage}. */
        void processed(String payload);

        /** An event went to the dead-letter topic for {@code reason}. */
        void deadLettered(String reason);

        /** An interception was closed as incomplete because its end never came. */
        void incompleteClosed();
    }

    private static final Listener NONE = new Listener() {
        @Override
        public void processed(String payload) {
        }

        @Override
        public void deadLettered(String reason) {
        }

        @Override
        public void incompleteClosed() {
        }
    };

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Listener listener;

    /** Counters that tell nobody. */
    public Counters() {
        this(NONE);
    }

    /** Counters that also tell {@code listener}. */
    public Counters(Listener listener) {
        this.listener = listener;
    }

    /** Counts one event for {@code reason}: a dead-letter reason or {@link #EXPIRED}. */
    public void count(String reason) {
        counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
        if (!EXPIRED.equals(reason)) {
            listener.deadLettered(reason);
        }
    }

    /** An event folded into its interception. */
    public void processed(String payload) {
        listener.processed(payload);
    }

    /** An interception closed as incomplete. */
    public void incompleteClosed() {
        listener.incompleteClosed();
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
