package dev.aigw.bench.report;

import java.util.List;

/** The median of repeated measurements, with their minimum and maximum. */
public record Spread(double median, double min, double max) {
    /** The spread of {@code values}, which must not be empty. */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast());
    }
}
