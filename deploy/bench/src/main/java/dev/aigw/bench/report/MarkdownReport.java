package dev.aigw.bench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A run's results as Markdown, laid out to read well both rendered and raw in the terminal at the end of a run. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The whole report: machine, results, memory, audit delay and the checklist of claimed targets. */
    public static String render(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# aigw bench, ").append(Format.date(report.startedAt())).append(", mode ")
                .append(report.mode()).append("\n\n");
        machine(out, report.machine());
        results(out, report.targets());
        memory(out, report.targets());
        auditDelay(out, report.auditDelay());
        checklist(out, Checklist.of(report));
        return out.toString();
    }

    private static void machine(StringBuilder out, Machine machine) {
        out.append("## Machine and settings\n\n");
        if (machine == null) {
            out.append("Not recorded.\n\n");
            return;
        }
        item(out, "", "CPU", machine.cpu());
        item(out, "", "cores", String.valueOf(machine.cores()));
        item(out, "", "memory", machine.memory());
        item(out, "", "kernel", machine.kernel());
        items(out, "versions", machine.versions());
        items(out, "settings", machine.settings());
        out.append('\n');
    }

    private static void items(StringBuilder out, String title, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        out.append("- ").append(title).append(":\n");
        values.forEach((key, value) -> item(out, "  ", key, value));
    }

    private static void item(StringBuilder out, String indent, String key, String value) {
        out.append(indent).append("- ").append(key).append(": ").append(value == null ? Format.NONE : value)
                .append('\n');
    }

    /** Two tables rather than one: eleven columns of spreads would not fit a terminal. */
    private static void results(StringBuilder out, List<TargetRow> rows) {
        out.append("## Results\n\n");
        rows.forEach(row -> item(out, "", "`" + row.name() + "`", row.description()));
        out.append("""

                Cells are `median (min–max)` over the repetitions; "added" is the target minus the direct call,
                repetition by repetition; — means not measured.

                ### Blocking calls

                c=1: one call at a time against the 0 ms mock. Saturation: 32 at a time against the 0 ms mock.
                Sustained: highest offered rate (open model, 20 ms mock) whose p99 stayed within 50 ms with no
                failure. Failed: over every run of the target.

                """);
        Table blocking = new Table("target", "c=1 p50 µs", "c=1 p99 µs", "added p50 µs", "added p99 µs",
                "saturation req/s", "sustained req/s", "failed");
        rows.forEach(row -> blocking.row(row.name(), Format.spread(row.c1P50Micros()),
                Format.spread(row.c1P99Micros()), Format.spread(row.addedP50Micros()),
                Format.spread(row.addedP99Micros()), Format.spread(row.saturationRps()),
                Format.integer(row.sustainedRps()), Format.integer(row.failed())));
        out.append(blocking.render()).append("""

                ### Streaming

                Streamed answers of 64 deltas, 20 ms apart: time to the first byte and between SSE events.

                """);
        Table streaming = new Table("target", "TTFB p99 µs", "added TTFB p99 µs", "SSE gap p99 µs",
                "added gap p99 µs");
        rows.forEach(row -> streaming.row(row.name(), Format.spread(row.ttfbP99Micros()),
                Format.spread(row.addedTtfbP99Micros()), Format.spread(row.gapP99Micros()),
                Format.spread(row.addedGapP99Micros())));
        out.append(streaming.render()).append('\n');
    }

    private static void memory(StringBuilder out, List<TargetRow> rows) {
        out.append("## Memory\n\n");
        Table table = new Table("target", "open streams", "RSS MiB");
        rows.stream().filter(row -> row.rssBytesByStreams() != null).forEach(row ->
                new TreeMap<>(row.rssBytesByStreams()).forEach((streams, bytes) ->
                        table.row(row.name(), Format.integer(streams), Format.integer(Format.mebibytes(bytes)))));
        out.append(table.isEmpty() ? "Not measured.\n" : table.render()).append('\n');
    }

    private static void auditDelay(StringBuilder out, AuditDelay delay) {
        out.append("## Audit delay\n\n");
        if (delay == null) {
            out.append("Not measured.\n\n");
            return;
        }
        out.append("End of a response through our gateway to its interception readable in the query API:\np50 ")
                .append(Format.integer(delay.p50Millis())).append(" ms, p99 ")
                .append(Format.integer(delay.p99Millis())).append(" ms, max ")
                .append(Format.integer(delay.maxMillis())).append(" ms; ")
                .append(Format.integer(delay.samples())).append(" samples, ")
                .append(Format.integer(delay.missing())).append(" still not readable when the wait gave up.\n\n");
    }

    private static void checklist(StringBuilder out, List<Checklist.Check> checks) {
        out.append("## Targets\n\nOur gateway with audit on (`").append(Checklist.GATEWAY)
                .append("`), medians; reported, not asserted.\n\n");
        Table table = new Table("claim", "measured", "verdict");
        checks.forEach(check -> table.row(check.claim(), check.measured(), check.verdict().label()));
        out.append(table.render());
    }
}
