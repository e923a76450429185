package dev.aigw.bench.report;

import static dev.aigw.bench.report.SampleReports.nginx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
    final String full = MarkdownReport.render(SampleReports.full());

    /** Every table row of {@code markdown} whose first cell is {@code first}, as trimmed cells. */
    static List<List<String>> rows(String markdown, String first) {
        return markdown.lines().filter(line -> line.startsWith("|"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip)
                        .toList())
                .filter(cells -> cells.getFirst().equals(first))
                .toList();
    }

    static List<String> row(String markdown, String first) {
        return rows(markdown, first).getFirst();
    }

    @Test
    void shouldStartWithTheDateAndModeThenTheMachine() {
        assertThat(full).startsWith("# aigw bench, 2025-06-01 14:03 UTC, mode full\n");
        assertThat(full).contains("- CPU: AMD Ryzen 7 5800U\n", "- cores: 2\n", "- memory: 24 GiB\n",
                "- kernel: 6.8.0-49-generic\n", "  - JDK: 25.0.1\n", "  - Portkey: 1.9.5\n",
                "  - pinning: load on cpu 0, targets on cpu 1\n");
    }

    @Test
    void shouldPrintEveryTargetAsARowOfRoundedSpreadsInBothTables() {
        List<List<String>> headers = rows(full, "target");
        assertThat(headers.get(0)).containsExactly("target", "c=1 p50 µs", "c=1 p99 µs", "added p50 µs",
                "added p99 µs", "saturation req/s", "sustained req/s", "failed");
        assertThat(headers.get(1)).containsExactly("target", "TTFB p99 µs", "added TTFB p99 µs", "SSE gap p99 µs",
                "added gap p99 µs");
        assertThat(rows(full, "gateway-audit-on").subList(0, 2)).containsExactly(
                List.of("gateway-audit-on", "230 (222–244)", "420 (400–459)", "145 (138–151)", "260 (240–300)",
                        "21,000 (20,100–21,801)", "9,500", "0"),
                List.of("gateway-audit-on", "910 (880–960)", "600 (570–640)", "20,380 (20,330–20,450)",
                        "80 (70–90)"));
        assertThat(row(full, "direct")).containsExactly("direct", "85 (82–90)", "160 (150–171)", "—", "—",
                "52,000 (51,200–52,900)", "9,800", "0");
        assertThat(row(full, "portkey")).endsWith("700", "3");
        assertThat(rows(full, "nginx")).hasSize(2);
        assertThat(full).contains("- `nginx`: nginx 1.27.3 as a plain reverse proxy\n");
    }

    @Test
    void shouldPrintASingleValueOrARangeRoundingToOneAsTheMedianAlone() {
        assertThat(rows(full, "gateway-audit-off")).containsExactly(
                List.of("gateway-audit-off", "210", "390", "125", "230", "23,000", "—", "0"),
                List.of("gateway-audit-off", "—", "—", "—", "—"));
        assertThat(Format.spread(new Spread(100.2, 99.9, 100.4))).isEqualTo("100");
        assertThat(Format.spread(new Spread(2, -3.4, 5))).isEqualTo("2 (-3–5)");
        assertThat(Format.spread(null)).isEqualTo("—");
    }

    /** Columns a terminal gives {@code line}: two for an emoji such as ✅. */
    static int columns(String line) {
        return line.codePoints().map(c -> Character.isEmojiPresentation(c) ? 2 : 1).sum();
    }

    @Test
    void shouldLineUpTheRawTablesInATerminal() {
        List<List<Integer>> tables = new ArrayList<>();
        List<Integer> table = new ArrayList<>();
        for (String line : (full + "\n").lines().toList()) {
            if (line.startsWith("|")) {
                table.add(columns(line));
            } else if (!table.isEmpty()) {
                tables.add(table);
                table = new ArrayList<>();
            }
        }

        assertThat(tables).hasSize(4).allSatisfy(widths -> assertThat(widths).hasSizeGreaterThan(2).containsOnly(
                widths.getFirst()));
        assertThat(full).contains("| gateway-audit-on  |", "|      ❌ |\n", "| -----: |");
    }

    @Test
    void shouldListTheMemoryOfEachOpenStreamCountInOrderAndTheAuditDelay() {
        assertThat(rows(full, "gateway-audit-on").stream().skip(2).toList()).containsExactly(
                List.of("gateway-audit-on", "0", "180"), List.of("gateway-audit-on", "1,000", "300"),
                List.of("gateway-audit-on", "5,000", "700"));
        assertThat(rows(full, "nginx")).hasSize(2);
        assertThat(full).contains("p50 120 ms, p99 851 ms, max 1,210 ms; 1,000 samples, 0 still not readable");
    }

    @Test
    void shouldCheckEveryClaimAgainstTheMedians() {
        assertThat(row(full, "added p99 at c=1 ≤ 250 µs")).containsExactly("added p99 at c=1 ≤ 250 µs",
                "260 (240–300) µs", "❌");
        assertThat(row(full, "streaming added TTFB p99 ≤ 1 ms")).containsExactly(
                "streaming added TTFB p99 ≤ 1 ms", "600 (570–640) µs", "✅");
        assertThat(row(full, "saturation ≥ 0.5 × nginx")).containsExactly("saturation ≥ 0.5 × nginx",
                "0.55 × (21,000 vs 38,000 req/s)", "✅");
        assertThat(row(full, "saturation ≥ 10 × Portkey")).containsExactly("saturation ≥ 10 × Portkey",
                "15.00 × (21,000 vs 1,400 req/s)", "✅");
        assertThat(row(full, "RSS with 5,000 open streams ≤ 1 GiB")).containsExactly(
                "RSS with 5,000 open streams ≤ 1 GiB", "700 MiB", "✅");
        assertThat(row(full, "audit visible p99 ≤ 2 s")).containsExactly("audit visible p99 ≤ 2 s",
                "851 ms, 0 of 1,000 missing", "✅");
    }

    @Test
    void shouldSayNotMeasuredWhenATargetOrTheAuditDelayIsMissing() {
        String quick = MarkdownReport.render(SampleReports.report(List.of(SampleReports.direct(), nginx()), null));

        assertThat(quick).doesNotContain("✅", "❌").contains("## Memory\n\nNot measured.\n",
                "## Audit delay\n\nNot measured.\n");
        assertThat(rows(quick, "gateway-audit-on")).isEmpty();
        List.of("added p99 at c=1 ≤ 250 µs", "streaming added TTFB p99 ≤ 1 ms", "saturation ≥ 0.5 × nginx",
                "saturation ≥ 10 × Portkey", "RSS with 5,000 open streams ≤ 1 GiB", "audit visible p99 ≤ 2 s")
                .forEach(claim -> assertThat(row(quick, claim)).containsExactly(claim, "—", "not measured"));
    }

    @Test
    void shouldJudgeEachClaimOnItsFigureAsPrinted() {
        TargetRow edge = new TargetRow(Checklist.GATEWAY, "", null, null, null, new Spread(250.4, 240, 400),
                new Spread(18_999, 18_000, 20_000), null, null, new Spread(1_001, 900, 1_100), null, null,
                Map.of(5_000, 1_025 * SampleReports.MIB), 0);
        String markdown = MarkdownReport.render(SampleReports.report(List.of(nginx(), edge),
                new AuditDelay(990, 10, 100, 900, 30_000)));

        assertThat(row(markdown, "added p99 at c=1 ≤ 250 µs")).containsExactly("added p99 at c=1 ≤ 250 µs",
                "250 (240–400) µs", "✅");
        assertThat(row(markdown, "streaming added TTFB p99 ≤ 1 ms")).endsWith("1,001 (900–1,100) µs", "❌");
        assertThat(row(markdown, "saturation ≥ 0.5 × nginx")).containsExactly("saturation ≥ 0.5 × nginx",
                "0.49 × (18,999 vs 38,000 req/s)", "❌");
        assertThat(row(markdown, "RSS with 5,000 open streams ≤ 1 GiB")).endsWith("1,025 MiB", "❌");
        assertThat(row(markdown, "audit visible p99 ≤ 2 s")).containsExactly("audit visible p99 ≤ 2 s",
                "900 ms, 10 of 1,000 missing", "❌");
    }
}
