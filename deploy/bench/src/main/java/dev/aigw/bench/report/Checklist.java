package dev.aigw.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The performance targets the project claims, each beside what a run measured. They are reported, not asserted: a
 * run that misses one still completes. Medians are compared; our gateway is measured with audit on. Each verdict is
 * taken on the figure as printed (whole µs, ms and MiB, ratios rounded down to hundredths) so that the two never
 * disagree; that rounding is far below the noise between repetitions.
 */
public final class Checklist {
    static final String GATEWAY = "gateway-audit-on";
    static final double ADDED_P99_MICROS = 250;
    static final double ADDED_TTFB_P99_MICROS = 1_000;
    private static final int RSS_STREAMS = 5_000;
    private static final long RSS_MEBIBYTES = 1_024;
    private static final double AUDIT_P99_MILLIS = 2_000;

    private Checklist() {
    }

    /** Whether a claim held. */
    public enum Verdict {
        MET("✅"), MISSED("❌"), NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** How the report prints it. */
        public String label() {
            return label;
        }

        static Verdict of(boolean met) {
            return met ? MET : MISSED;
        }
    }

    /** One claim, what was measured for it, and the verdict. */
    public record Check(String claim, String measured, Verdict verdict) {
        static Check notMeasured(String claim) {
            return new Check(claim, Format.NONE, Verdict.NOT_MEASURED);
        }
    }

    /** Every claim, in the order the project states them. */
    public static List<Check> of(BenchReport report) {
        Map<String, TargetRow> rows = new HashMap<>();
        report.targets().forEach(row -> rows.putIfAbsent(row.name(), row));
        TargetRow gateway = rows.get(GATEWAY);
        return List.of(
                atMost("added p99 at c=1 ≤ 250 µs", measure(gateway, TargetRow::addedP99Micros), ADDED_P99_MICROS),
                atMost("streaming added TTFB p99 ≤ 1 ms", measure(gateway, TargetRow::addedTtfbP99Micros),
                        ADDED_TTFB_P99_MICROS),
                timesAtLeast("saturation ≥ 0.5 × nginx", gateway, rows.get("nginx"), 0.5),
                timesAtLeast("saturation ≥ 10 × Portkey", gateway, rows.get("portkey"), 10),
                rss(gateway),
                auditDelay(report.auditDelay()));
    }

    private static Spread measure(TargetRow row, Function<TargetRow, Spread> value) {
        return row == null ? null : value.apply(row);
    }

    private static Check atMost(String claim, Spread micros, double limit) {
        if (micros == null) {
            return Check.notMeasured(claim);
        }
        return new Check(claim, Format.spread(micros) + " µs", Verdict.of(Math.round(micros.median()) <= limit));
    }

    private static Check timesAtLeast(String claim, TargetRow gateway, TargetRow other, double factor) {
        Spread ours = measure(gateway, TargetRow::saturationRps);
        Spread theirs = measure(other, TargetRow::saturationRps);
        if (ours == null || theirs == null || theirs.median() <= 0) {
            return Check.notMeasured(claim);
        }
        BigDecimal times = BigDecimal.valueOf(ours.median() / theirs.median()).setScale(2, RoundingMode.FLOOR);
        String measured = times.toPlainString() + " × (" + Format.integer(ours.median()) + " vs "
                + Format.integer(theirs.median()) + " req/s)";
        return new Check(claim, measured, Verdict.of(times.doubleValue() >= factor));
    }

    private static Check rss(TargetRow gateway) {
        String claim = "RSS with " + Format.integer(RSS_STREAMS) + " open streams ≤ 1 GiB";
        Long bytes = gateway == null || gateway.rssBytesByStreams() == null
                ? null : gateway.rssBytesByStreams().get(RSS_STREAMS);
        if (bytes == null) {
            return Check.notMeasured(claim);
        }
        long mebibytes = Format.mebibytes(bytes);
        return new Check(claim, Format.integer(mebibytes) + " MiB", Verdict.of(mebibytes <= RSS_MEBIBYTES));
    }

    /** An interception that never became readable counts against the claim, whatever the p99 of the others. */
    private static Check auditDelay(AuditDelay delay) {
        String claim = "audit visible p99 ≤ 2 s";
        if (delay == null) {
            return Check.notMeasured(claim);
        }
        String measured = Format.integer(delay.p99Millis()) + " ms, " + Format.integer(delay.missing()) + " of "
                + Format.integer(delay.samples() + delay.missing()) + " missing";
        boolean met = Math.round(delay.p99Millis()) <= AUDIT_P99_MILLIS && delay.missing() == 0;
        return new Check(claim, measured, Verdict.of(met));
    }
}
