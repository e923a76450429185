package dev.aigw.bench;

import dev.aigw.bench.load.OpenStreams;
import dev.aigw.bench.mock.MockProfile;
import dev.aigw.bench.targets.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Resident memory of a target while it relays many slow streams at once. */
final class MemoryProbe {
    /** Streams that outlast the reading: 120 deltas 500 ms apart, a minute each. */
    static final MockProfile HOLD = new MockProfile(Duration.ZERO, 120, Duration.ofMillis(500), 1_200);

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final Plan plan;
    private final Consumer<String> progress;

    MemoryProbe(Plan plan, Consumer<String> progress) {
        this.plan = plan;
        this.progress = progress;
    }

    void measure(Target target, Measurements measurements) {
        long pid = target.pid().orElseThrow(() -> new IllegalStateException(target.name() + " has no process"));
        for (int count : plan.openStreams()) {
            progress.accept("memory of " + target.name() + " with " + count + " open streams");
            try (OpenStreams streams = OpenStreams.open(target.chat(Requests.streaming(), true), count, OPEN_TIMEOUT)) {
                if (streams.established() < count) {
                    throw new IllegalStateException("only " + streams.established() + " of " + count
                            + " streams through " + target.name() + " started within " + OPEN_TIMEOUT.toSeconds() + " s");
                }
                pause(SETTLE);
                measurements.rss(target, count, rss(pid));
            }
            pause(SETTLE);
        }
    }

    /** {@code VmRSS} of the process, in bytes. */
    static long rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no VmRSS for pid " + pid));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the memory of pid " + pid + ": " + e.getMessage(), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
