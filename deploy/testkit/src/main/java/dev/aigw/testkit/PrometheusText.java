package dev.aigw.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code /metrics} answer in the Prometheus text format, read into samples so tests can check names, labels and
 * values rather than grep lines.
 */
public final class PrometheusText {
    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    /**
     * One sample line.
     *
     * @param name   metric name, e.g. {@code coder_ai_gateway_tokens_total}
     * @param labels labels in their order on the line
     * @param value  the value
     */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Reads every sample; comment lines ({@code # HELP}, {@code # TYPE}) are skipped. */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new PrometheusText(List.copyOf(samples));
    }

    /** Samples of {@code name} whose labels include every {@code key, value} pair given. */
    public List<Sample> samples(String name, String... labelPairs) {
        return samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labelPairs)).toList();
    }

    /** The sum of the values of {@link #samples(String, String...)}: 0 when there are none. */
    public double sum(String name, String... labelPairs) {
        return samples(name, labelPairs).stream().mapToDouble(Sample::value).sum();
    }

    /** Every metric name present. */
    public List<String> names() {
        return samples.stream().map(Sample::name).distinct().toList();
    }

    private static boolean hasLabels(Sample s, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (!pairs[i + 1].equals(s.labels().get(pairs[i]))) {
                return false;
            }
        }
        return true;
    }

    // name{k="v",...} value [timestamp]; label values escape backslash, quote and newline.
    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        int end;
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            end = labels(line, brace + 1, labels);
        } else {
            name = line.substring(0, space);
            end = space;
        }
        String[] rest = line.substring(end).strip().split(" ");
        return new Sample(name, Map.copyOf(labels), Double.parseDouble(rest[0]));
    }

    private static int labels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String key = line.substring(i, eq).strip();
            StringBuilder value = new StringBuilder();
            i = eq + 2;
            for (char c = line.charAt(i); c != '"'; c = line.charAt(++i)) {
                if (c == '\\') {
                    char next = line.charAt(++i);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i++;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
