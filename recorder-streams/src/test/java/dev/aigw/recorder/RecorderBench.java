package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.testkit.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Recorder benchmark on the real engines, the recorder in a process of its own as in production; prints numbers,
 * asserts only that everything was recorded. Not part of the
 * test suite (failsafe runs {@code *IT}); run it with
 * {@code ./mvnw -B -o -pl recorder-streams -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=RecorderBench}. System properties {@code bench.backlog} (interceptions, default 5000),
 * {@code bench.rate} (interceptions/s, default 100) and {@code bench.seconds} (default 60) size it; {@code bench.jvm}
 * adds options to the recorder's JVM, e.g. {@code -XX:StartFlightRecording=filename=/tmp/recorder.jfr} to profile it.
 *
 * <ol>
 *   <li>Throughput: a backlog of interceptions (6 events each) is produced first, then a recorder starts and works it
 *       off; events/s until the topology has consumed them all and until every row is in Cassandra.</li>
 *   <li>Delay: interceptions at a steady rate below saturation; for each, the time from producing its end event to
 *       the write of its completed summary row, read back as the row's {@code WRITETIME}.</li>
 * </ol>
 */
@ExtendWith(RealStack.class)
class RecorderBench {
    private static final int EVENTS_PER_INTERCEPTION = 6;

    private static List<InterceptionEvent> events(TestInterception i) {
        return List.of(i.started(0), i.prompt(1, "refactor the parser and keep the tests green"),
                i.tokens(2, 1200, 300, 5000, 100, 50), i.tool(3, "Edit"), i.thought(4, "the parser needs a new state"),
                i.ended(5, InterceptionStatus.COMPLETED));
    }

    @Test
    void measureThroughputAndDelay() throws Exception {
        int backlog = Integer.getInteger("bench.backlog", 5000);
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 60);
        try (ItStack stack = new ItStack(3)) {
            String jvmOptions = System.getProperty("bench.jvm");
            Map<String, String> env = stack.env(jvmOptions == null ? Map.of() : Map.of("JAVA_TOOL_OPTIONS", jvmOptions));
            RecorderConfig config = RecorderConfig.fromEnv(env);
            List<InterceptionEvent> all = new ArrayList<>();
            for (int n = 0; n < backlog; n++) {
                all.addAll(events(TestInterception.of(Instant.now(), "user-" + n % 1000, "s-" + n % 5000)));
            }
            stack.send(all);

            long start = System.nanoTime();
            try (RecorderProcess recorder = RecorderProcess.start(env, "recorder-bench.log")) {
                double running = seconds(start);
                double startupCpu = recorder.cpuSeconds();
                RealStack.await(Duration.ofMinutes(30), () -> stack.consumedAll(config.applicationId()) ? true : null);
                double consumed = seconds(start);
                double consumedCpu = recorder.cpuSeconds() - startupCpu;
                RealStack.await(Duration.ofMinutes(30), () -> allRecorded(stack, backlog) ? true : null);
                double written = seconds(start);
                double writtenCpu = recorder.cpuSeconds() - startupCpu;
                int events = backlog * EVENTS_PER_INTERCEPTION;
                System.out.printf("%nRecorderBench on %d cores: backlog of %d interceptions (%d events), recorder started cold%n",
                        Runtime.getRuntime().availableProcessors(), backlog, events);
                System.out.printf("  recorder process ready after %.1f s; from then:%n", running);
                System.out.printf("  topology consumed all:  %.1f s  %,.0f events/s%n", consumed - running,
                        events / (consumed - running));
                System.out.printf("  all rows in Cassandra:  %.1f s  %,.0f events/s%n", written - running,
                        events / (written - running));
                // CPU time rather than wall time: on a shared machine it is the recorder's own cost per event.
                System.out.printf("  recorder CPU: %.1f s until consumed (%,.0f events per CPU-second), %.1f s until "
                        + "all rows written (%,.0f events per CPU-second)%n", consumedCpu, events / consumedCpu,
                        writtenCpu, events / writtenCpu);
                long backlogRows = recorder.rowsWritten();
                System.out.printf("  rows written to Cassandra: %,d (%.1f per interception)%n", backlogRows,
                        (double) backlogRows / backlog);

                Map<String, Instant> endSent = steadyLoad(stack, rate, seconds);
                RealStack.await(Duration.ofMinutes(5), () -> allRecorded(stack, backlog + endSent.size()) ? true : null);
                List<Long> delays = delays(stack, endSent);
                System.out.printf("  steady load: %.1f rows written per interception%n",
                        (double) (recorder.rowsWritten() - backlogRows) / endSent.size());
                System.out.printf("  steady %d interceptions/s (%d events/s) for %d s: end event produced -> summary row"
                        + " written: p50 %d ms, p99 %d ms, max %d ms (%d interceptions)%n%n", rate,
                        rate * EVENTS_PER_INTERCEPTION, seconds, percentile(delays, 50), percentile(delays, 99),
                        delays.getLast(), delays.size());
                assertThat(delays).hasSize(endSent.size());
            }
        }
    }

    // Each interception's events in two sends, like a gateway: start and prompt, then the answer and the end.
    private static Map<String, Instant> steadyLoad(ItStack stack, int rate, int seconds) throws InterruptedException {
        Map<String, Instant> endSent = new HashMap<>();
        long periodNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        TestInterception previous = null;
        for (int n = 0; n < rate * seconds; n++) {
            TestInterception i = TestInterception.of(Instant.now(), "user-" + n % 1000, "s-" + UUID.randomUUID());
            List<InterceptionEvent> events = events(i);
            stack.send(events.subList(0, 2));
            if (previous != null) {
                endSent.put(previous.id(), Instant.now());
                stack.send(events(previous).subList(2, EVENTS_PER_INTERCEPTION));
            }
            previous = i;
            next += periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        endSent.put(previous.id(), Instant.now());
        stack.send(events(previous).subList(2, EVENTS_PER_INTERCEPTION));
        return endSent;
    }

    private static List<Long> delays(ItStack stack, Map<String, Instant> endSent) {
        List<Long> delays = new ArrayList<>();
        endSent.forEach((id, sent) -> {
            long written = stack.one("SELECT WRITETIME(status) AS w FROM {ks}.interceptions WHERE interception_id = ?",
                    UUID.fromString(id)).getLong("w");
            delays.add(ChronoUnit.MILLIS.between(sent, Instant.EPOCH.plus(written, ChronoUnit.MICROS)));
        });
        delays.sort(null);
        return delays;
    }

    // The cheap check first: the usage rollups (the longest path) hold every interception and token event; then the
    // scan that every summary row says completed.
    private static boolean allRecorded(ItStack stack, int expected) {
        var usage = stack.all("SELECT interceptions, output_tokens FROM {ks}.usage_by_day");
        return usage.stream().mapToLong(r -> r.getLong("interceptions")).sum() == expected
                && usage.stream().mapToLong(r -> r.getLong("output_tokens")).sum() == 300L * expected
                && stack.all("SELECT status FROM {ks}.interceptions").stream()
                .filter(r -> "completed".equals(r.getString("status"))).count() == expected;
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
