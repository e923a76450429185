package dev.aigw.recorder;

import dev.aigw.recorder.store.RowSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether a hop of the recorder stands still, for readiness and the metrics. The row sink stalls when it holds rows
 * it cannot write (one batch retried again and again); the Streams app stalls when it has events to read (consumer lag)
 * and commits nothing, as when one record fails its task over and over. Either past {@code after} makes the recorder
 * not ready, with the reason.
 */
final class Stalls {
    private static final String THREAD_METRICS = "stream-thread-metrics";
    private static final String FETCH_METRICS = "consumer-fetch-manager-metrics";

    private final KafkaStreams streams;
    private final RowSink sink;
    private final Duration after;
    private final Clock clock;
    private final Progress progress = new Progress();

    Stalls(KafkaStreams streams, RowSink sink, Duration after, Clock clock) {
        this.streams = streams;
        this.sink = sink;
        this.after = after;
        this.clock = clock;
    }

    /** How long the row sink has held rows it has not written; zero when it holds none. */
    Duration sinkHeld() {
        return sink.status().held(clock.instant());
    }

    /** How long the Streams app has had events to read and committed nothing. */
    Duration streamsStalled() {
        double commits = 0;
        double lag = Double.NaN;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (name.group().equals(THREAD_METRICS) && name.name().equals("commit-total")) {
                commits += value(e.getValue());
            } else if (name.group().equals(FETCH_METRICS) && name.name().equals("records-lag-max")
                    && !name.tags().getOrDefault("client-id", "").endsWith("restore-consumer")) {
                double v = value(e.getValue());
                lag = Double.isNaN(lag) || v > lag ? v : lag;
            }
        }
        return progress.observe(clock.instant(), commits, lag);
    }

    /** Why the recorder is stuck, one reason per hop stuck past the threshold; empty while everything moves. */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        RowSink.Status s = sink.status();
        Duration held = s.held(clock.instant());
        if (held.compareTo(after) > 0) {
            reasons.add("row sink has held unwritten rows for " + held.toSeconds() + " s (" + s.retries()
                    + " failed attempts; last error: " + s.lastError() + ")");
        }
        Duration stalled = streamsStalled();
        if (stalled.compareTo(after) > 0) {
            reasons.add("streams has had events to read and committed nothing for " + stalled.toSeconds() + " s");
        }
        return reasons;
    }

    private static double value(Metric metric) {
        return metric.metricValue() instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /**
     * Since when a counter of commits has not moved while there was lag. Lag unknown (no partition fetched yet, a
     * consumer being replaced) counts as none: a stall must be seen, not guessed, and a thread that keeps failing is
     * counted as such ({@code stream_thread_replacements}).
     */
    static final class Progress {
        private double commits = Double.NaN;
        private Instant movedAt;

        synchronized Duration observe(Instant now, double commitTotal, double lag) {
            if (movedAt == null || commitTotal != commits || !(lag > 0)) {
                movedAt = now;
                commits = commitTotal;
            }
            return Duration.between(movedAt, now);
        }
    }
}
