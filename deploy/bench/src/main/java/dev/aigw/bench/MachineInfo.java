package dev.aigw.bench;

import dev.aigw.bench.report.Machine;
import dev.aigw.bench.targets.GatewayTarget;
import dev.aigw.bench.targets.Pinning;
import dev.aigw.bench.targets.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the report states about the machine, the versions and the settings of a run. */
final class MachineInfo {
    private MachineInfo() {
    }

    static Machine read(Plan plan, Pinning pinning, List<Target> targets) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("JDK", Runtime.version().toString() + " (" + System.getProperty("java.vm.vendor") + ")");
        targets.forEach(t -> versions.put(t.name(), t.description()));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("mode", plan.mode());
        settings.put("pinning", pinning.describe());
        settings.put("repetitions", plan.repetitions() + ", targets taking turns; medians with min–max");
        settings.put("warm-up", plan.jitWarmup().toSeconds() + " s at concurrency " + Plan.SATURATION_CONCURRENCY
                + " per target before anything is measured, then " + plan.warmup().toMillis() + " ms per scenario");
        settings.put("runs", plan.run().toMillis() + " ms each");
        settings.put("sustained rate", "open model, " + plan.step().toMillis() + " ms per offered rate, rates "
                + plan.sustainedRates());
        settings.put("streaming", plan.streams() + " concurrent streams for " + plan.streamRun().toMillis()
                + " ms, started spread over one stream's length");
        settings.put("request", Requests.blocking().length + " B Chat Completions body; answers 512 B of text");
        settings.put("load generator", "Java virtual threads, one HTTP/1.1 keep-alive connection each, HdrHistogram");
        settings.put("gateway JVM", String.join(" ", GatewayTarget.JVM_FLAGS)
                + (plan.flightRecording() ? " and a JFR profile recording (--jfr)" : ""));
        // Anything else running on the machine skews every number; the report says how busy it was.
        settings.put("load average at the end", read("/proc/loadavg"));
        return new Machine(cpuModel(), online(), memory(), read("/proc/sys/kernel/osrelease"), versions, settings);
    }

    private static String cpuModel() {
        return lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown");
    }

    private static int online() {
        return (int) lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
    }

    private static String memory() {
        return lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB")
                .orElse("unknown");
    }

    private static String read(String file) {
        List<String> lines = lines(file);
        return lines.isEmpty() ? "unknown" : lines.getFirst().strip();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
