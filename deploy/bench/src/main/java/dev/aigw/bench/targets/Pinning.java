package dev.aigw.bench.targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which cores the target under test runs on. The harness itself, the mock and the audit stack stay on the cores
 * {@code ./aigw bench} gave the harness (core 0); each target gets the others, so the load generator and the mock do not
 * steal its CPU. With one core, or without {@code taskset}, nothing is pinned.
 *
 * @param targetCpus a {@code taskset} CPU list such as {@code 1} or {@code 1-3}; empty for no pinning
 * @param allCpus    every core, such as {@code 0-1}
 */
public record Pinning(String targetCpus, String allCpus) {
    private static final Path TASKSET = Path.of("/usr/bin/taskset");
    private static final String HARNESS_CPUS = "0";

    /** Targets on every core but the first, when there are at least two and {@code taskset} exists. */
    public static Pinning forMachine() {
        int online = onlineCores();
        if (online < 2 || !Files.isExecutable(TASKSET)) {
            return new Pinning("", "");
        }
        return new Pinning(online == 2 ? "1" : "1-" + (online - 1), "0-" + (online - 1));
    }

    /** {@code command}, run on the target cores. */
    public List<String> wrap(List<String> command) {
        return on(targetCpus, command);
    }

    /** {@code command}, run on every core: for starting what is later {@link #confine confined}. */
    public List<String> wrapOnAll(List<String> command) {
        return on(allCpus, command);
    }

    /**
     * Moves every thread of {@code process} and of its descendants to the harness's core. Threads started later
     * inherit it from the thread that starts them.
     */
    public void confine(ProcessHandle process) {
        if (targetCpus.isEmpty()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(List.of(process));
        process.descendants().forEach(tree::add);
        for (ProcessHandle each : tree) {
            run(List.of(TASKSET.toString(), "-a", "-p", "-c", HARNESS_CPUS, Long.toString(each.pid())));
        }
    }

    /** How the report states it. */
    public String describe() {
        return targetCpus.isEmpty() ? "not pinned (one core, or no taskset)"
                : "target on CPU " + targetCpus + "; harness, load generator, mock and audit stack on CPU 0";
    }

    private static List<String> on(String cpus, List<String> command) {
        if (cpus.isEmpty()) {
            return command;
        }
        List<String> pinned = new ArrayList<>(List.of(TASKSET.toString(), "-c", cpus));
        pinned.addAll(command);
        return pinned;
    }

    // A process that ended meanwhile makes taskset fail; it no longer needs a core.
    private static void run(List<String> command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning", e);
        }
    }

    private static int onlineCores() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();
            int count = 0;
            for (String range : online.split(",")) {
                String[] ends = range.split("-");
                count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
            }
            return count;
        } catch (IOException | NumberFormatException e) {
            // The harness may already be pinned, so this can undercount; then nothing is pinned.
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
