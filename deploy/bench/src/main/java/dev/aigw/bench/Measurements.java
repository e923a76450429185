package dev.aigw.bench;

import dev.aigw.bench.load.LoadResult;
import dev.aigw.bench.report.Spread;
import dev.aigw.bench.report.TargetRow;
import dev.aigw.bench.targets.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Every run's result per target, kept per repetition so "added" is taken against the direct call of the same turn. */
final class Measurements {
    private static final String DIRECT = "direct";

    private final Map<String, List<LoadResult>> latency = new LinkedHashMap<>();
    private final Map<String, List<LoadResult>> saturation = new LinkedHashMap<>();
    private final Map<String, List<LoadResult>> streaming = new LinkedHashMap<>();
    private final Map<String, Double> sustained = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Long>> rss = new LinkedHashMap<>();
    private final Map<String, Long> failed = new LinkedHashMap<>();

    void latency(Target target, LoadResult result) {
        add(latency, target, result);
    }

    void saturation(Target target, LoadResult result) {
        add(saturation, target, result);
    }

    void streaming(Target target, LoadResult result) {
        add(streaming, target, result);
    }

    void sustained(Target target, double perSecond) {
        sustained.put(target.name(), perSecond);
    }

    void rss(Target target, int streams, long bytes) {
        rss.computeIfAbsent(target.name(), n -> new LinkedHashMap<>()).put(streams, bytes);
    }

    /** The report's row for {@code target}. */
    TargetRow row(Target target) {
        String name = target.name();
        return new TargetRow(name, target.description() + notes(name),
                spread(latency, name, r -> r.total().p50()), spread(latency, name, r -> r.total().p99()),
                added(latency, name, r -> r.total().p50()), added(latency, name, r -> r.total().p99()),
                spread(saturation, name, LoadResult::perSecond), sustained.get(name),
                spread(streaming, name, r -> r.firstByte().p99()), added(streaming, name, r -> r.firstByte().p99()),
                spread(streaming, name, r -> r.eventGap().p99()), added(streaming, name, r -> r.eventGap().p99()),
                rss.get(name), failed.getOrDefault(name, 0L));
    }

    // A scenario the target could not serve at all is reported as not measured, with the reason, rather than as zeros.
    private String notes(String name) {
        return note("blocking calls", latency, name) + note("streaming", streaming, name);
    }

    private static String note(String scenario, Map<String, List<LoadResult>> runs, String name) {
        return runs.containsKey(name) && !served(runs.get(name)) ? "; " + scenario + ": every request failed" : "";
    }

    private static boolean served(List<LoadResult> results) {
        return results.stream().anyMatch(r -> r.ok() > 0);
    }

    private void add(Map<String, List<LoadResult>> runs, Target target, LoadResult result) {
        runs.computeIfAbsent(target.name(), n -> new ArrayList<>()).add(result);
        failed.merge(target.name(), result.failed(), Long::sum);
    }

    private static Spread spread(Map<String, List<LoadResult>> runs, String name, ToDoubleFunction<LoadResult> value) {
        List<LoadResult> results = runs.get(name);
        return results == null || !served(results) ? null
                : Spread.of(results.stream().map(value::applyAsDouble).toList());
    }

    // Repetition i of a target is compared with repetition i of the direct call: they ran back to back.
    private static Spread added(Map<String, List<LoadResult>> runs, String name, ToDoubleFunction<LoadResult> value) {
        List<LoadResult> results = runs.get(name);
        List<LoadResult> direct = runs.get(DIRECT);
        if (name.equals(DIRECT) || results == null || direct == null || !served(results)) {
            return null;
        }
        List<Double> added = new ArrayList<>();
        for (int i = 0; i < Math.min(results.size(), direct.size()); i++) {
            added.add(value.applyAsDouble(results.get(i)) - value.applyAsDouble(direct.get(i)));
        }
        return Spread.of(added);
    }
}
