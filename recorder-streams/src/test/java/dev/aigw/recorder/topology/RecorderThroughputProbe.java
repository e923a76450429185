package dev.aigw.recorder.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.TestInterception;
import dev.aigw.recorder.audit.AuditRow;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * Capacity probe, not part of the suite (surefire runs {@code *Test}): drives the recorder's topology in a
 * TopologyTestDriver with synthetic interceptions of RecorderBench's shape (start, prompt, tokens, tool call, thought,
 * end), prints events per second per core of the topology alone (no broker, no Cassandra: an upper bound), and the
 * rows and Cassandra statements each interception costs. Run on one core with
 * {@code taskset -c 1 ./aigw test -pl recorder-streams -am -Dtest=RecorderThroughputProbe
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=None -Dfailsafe.failIfNoSpecifiedTests=false};
 * {@code -Dprobe.interceptions=N} sizes the measured run (default 10,000, after 3,000 to warm up).
 */
class RecorderThroughputProbe {
    private static final int EVENTS_PER_INTERCEPTION = 6;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void printThroughputAndWritesPerInterception() {
        int measured = Integer.getInteger("probe.interceptions", 10_000);
        try (RecorderDriver driver = new RecorderDriver(NOW)) {
            send(driver, interceptions(3_000, 0));
            driver.rowVersions();
            List<InterceptionEvent> events = interceptions(measured, 3_000);

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            send(driver, events);
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;

            List<KeyValue<String, AuditRow>> versions = driver.rowVersions();
            assertThat(versions).as("rows written").isNotEmpty();
            assertThat(driver.deadLetters()).as("dead letters").isEmpty();
            print(measured, events.size(), wallSeconds, cpuSeconds, os.getAvailableProcessors(), versions);
        }
    }

    // 1,000 people in 5,000 sessions, as RecorderBench; all on one day, so the day's rollups are shared.
    private static List<InterceptionEvent> interceptions(int count, int offset) {
        List<InterceptionEvent> all = new ArrayList<>(count * EVENTS_PER_INTERCEPTION);
        for (int n = offset; n < offset + count; n++) {
            TestInterception i = TestInterception.of(NOW.minusSeconds(60), "user-" + n % 1000, "s-" + n % 5000);
            all.addAll(List.of(i.started(0), i.prompt(1, "refactor the parser and keep the tests green"),
                    i.tokens(2, 1200, 300, 5000, 100, 50), i.tool(3, "Edit"), i.thought(4, "the parser needs a new state"),
                    i.ended(5, InterceptionStatus.COMPLETED)));
        }
        return all;
    }

    private static void send(RecorderDriver driver, List<InterceptionEvent> events) {
        events.forEach(driver::send);
    }

    private static void print(int interceptions, int events, double wall, double cpu, int cores,
                              List<KeyValue<String, AuditRow>> versions) {
        Map<String, int[]> byType = new TreeMap<>();
        Set<String> distinct = new HashSet<>();
        long statements = 0;
        long distinctStatements = 0;
        for (KeyValue<String, AuditRow> kv : versions) {
            int cost = statements(kv.value);
            int[] tally = byType.computeIfAbsent(kv.value.getClass().getSimpleName(), t -> new int[3]);
            tally[0]++;
            tally[2] = cost;
            statements += cost;
            if (distinct.add(kv.key)) {
                tally[1]++;
                distinctStatements += cost;
            }
        }
        System.out.printf("%nRecorderThroughputProbe: %,d interceptions (%,d events) through RecorderTopology in a "
                + "TopologyTestDriver, %d core(s) visible%n", interceptions, events, cores);
        System.out.printf("  wall %.1f s: %,.0f events/s; process CPU %.1f s: %,.0f events per CPU-second%n", wall,
                events / wall, cpu, events / cpu);
        System.out.printf("%n| row | versions per interception | distinct rows per interception | statements per row |%n"
                + "|---|---:|---:|---:|%n");
        byType.forEach((type, t) -> System.out.printf("| %s | %.2f | %.3f | %d |%n", type,
                (double) t[0] / interceptions, (double) t[1] / interceptions, t[2]));
        System.out.printf("| all | %.2f | %.2f | |%n", (double) versions.size() / interceptions,
                (double) distinct.size() / interceptions);
        System.out.printf("%nCassandra statements per interception: %.1f if the sink wrote every row version, "
                + "%.1f if it coalesced every version of a row%n%n", (double) statements / interceptions,
                (double) distinctStatements / interceptions);
    }

    // Mirrors CassandraAuditWriter.statements: a summary row is its by-id row plus three listings once started, a
    // session three (the rare session move two more), usage two, any other row one.
    private static int statements(AuditRow row) {
        return switch (row) {
            case AuditRow.Interception r -> r.start() == null ? 1 : 4;
            case AuditRow.Session r -> 3;
            case AuditRow.Usage r -> 2;
            case AuditRow.Prompt r -> 1;
            case AuditRow.TokenCount r -> 1;
            case AuditRow.ToolCall r -> 1;
            case AuditRow.Thought r -> 1;
            case AuditRow.FilterValue r -> 1;
            case AuditRow.ChainLink r -> 1;
        };
    }
}
