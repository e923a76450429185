package dev.aigw.bench;

import dev.aigw.bench.report.BenchReport;
import dev.aigw.bench.report.Chart;
import dev.aigw.bench.report.JsonReport;
import dev.aigw.bench.report.MarkdownReport;
import dev.aigw.bench.targets.Pinning;
import dev.aigw.bench.targets.Workspace;
import dev.aigw.engines.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./aigw bench [--quick] [--jfr]}: runs the harness, prints the table, writes Markdown, JSON and a PNG chart;
 * with {@code --jfr} our gateway's nodes also write JFR profiles beside their logs.
 */
public final class BenchMain {
    private BenchMain() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Plan plan;
        try {
            plan = plan(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Locations.repositoryRoot();
        Path out = root.resolve("deploy/bench/target/bench-" + plan.mode());
        BenchReport report = run(plan, new Workspace(root, out));
        System.out.println();
        System.out.println(MarkdownReport.render(report));
        System.out.println("Written to " + out.resolve("report.md") + ", report.json and chart.png");
    }

    /** Runs {@code plan} and writes its report into the workspace's output directory. */
    static BenchReport run(Plan plan, Workspace workspace) throws IOException {
        Files.createDirectories(workspace.out());
        BenchReport report = new Bench(plan, workspace, Pinning.forMachine(),
                line -> System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line)).run();
        Files.writeString(workspace.out().resolve("report.md"), MarkdownReport.render(report));
        JsonReport.write(report, workspace.out().resolve("report.json"));
        Chart.write(report, workspace.out().resolve("chart.png"));
        return report;
    }

    static Plan plan(String[] args) {
        List<String> options = new ArrayList<>(List.of(args));
        boolean record = options.remove("--jfr");
        String mode = options.isEmpty() ? "" : options.size() == 1 ? options.getFirst() : "many";
        Plan plan = switch (mode) {
            case "" -> Plan.full();
            case "--quick" -> Plan.quick();
            case "--smoke" -> Plan.smoke();
            default -> throw new IllegalArgumentException("usage: ./aigw bench [--quick | --smoke] [--jfr]");
        };
        return record ? plan.withFlightRecording() : plan;
    }
}
