package dev.aigw.bench.load;

/** Percentiles of one distribution, in microseconds; {@code count} 0 means nothing was measured. */
public record Percentiles(long count, double p50, double p90, double p99, double max) {
    /** An empty distribution. */
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);
}
