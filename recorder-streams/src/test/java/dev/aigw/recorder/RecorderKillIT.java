package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.engines.Ports;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.testkit.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The recorder as a process of its own, killed with SIGKILL in the middle of a stream of events and started again on
 * the same state directory: every interception is recorded, and no count is doubled.
 */
@ExtendWith(RealStack.class)
class RecorderKillIT {
    private static final int INTERCEPTIONS = 400;

    @Test
    void shouldRecordEveryInterceptionExactlyOnceWhenKilledMidRunAndRestarted() throws Exception {
        try (ItStack stack = new ItStack(3)) {
            Map<String, String> env = stack.env(Map.of("CODER_AI_GATEWAY_RECORDER_PORT", Integer.toString(Ports.freePort())));
            List<TestInterception> all = new ArrayList<>();
            for (int n = 0; n < INTERCEPTIONS; n++) {
                all.add(TestInterception.of(Instant.now(), n % 3 == 0 ? "alice" : "bob", "s" + n % 11));
            }

            RecorderProcess first = RecorderProcess.start(env, "recorder-kill-it.log");
            long writtenAtKill;
            try {
                int n = 0;
                // The first half, each interception's events split over two sends, so some are cut by the kill.
                for (; n < INTERCEPTIONS / 2; n++) {
                    sendTick(stack, all, n);
                }
                RealStack.await(Duration.ofSeconds(60), () -> completed(stack) > 20 ? true : null);
                for (; n < INTERCEPTIONS * 3 / 4; n++) {
                    sendTick(stack, all, n);
                }
                writtenAtKill = completed(stack);
                first.kill();
                for (; n < INTERCEPTIONS + 3; n++) {
                    sendTick(stack, all, n);
                }
            } finally {
                first.close();
            }
            assertThat(writtenAtKill).as("killed in the middle").isBetween(1L, INTERCEPTIONS - 1L);

            try (RecorderProcess second = RecorderProcess.start(env, "recorder-kill-it.log")) {
                RealStack.await(Duration.ofSeconds(180), () -> {
                    assertExactlyOnce(stack);
                    return true;
                });
                System.out.printf("RecorderKillIT: %d of %d interceptions completed in Cassandra when the recorder was killed%n",
                        writtenAtKill, INTERCEPTIONS);
                // Nothing more arrives later: the counts hold.
                Thread.sleep(2000);
                assertExactlyOnce(stack);
            }
        }
    }

    // Every interception once, in every table; counts and token sums exact, so nothing is missing or doubled.
    private static void assertExactlyOnce(ItStack stack) {
        assertThat(completed(stack)).isEqualTo(INTERCEPTIONS);
        assertThat(sum(stack, "usage_by_day", "interceptions")).isEqualTo(INTERCEPTIONS);
        assertThat(sum(stack, "sessions", "threads")).isEqualTo(INTERCEPTIONS);
        assertThat(sum(stack, "sessions_by_day", "threads")).isEqualTo(INTERCEPTIONS);
        assertThat(sum(stack, "usage_by_day", "input_tokens")).isEqualTo(107L * INTERCEPTIONS);
        assertThat(sum(stack, "usage_by_day", "output_tokens")).isEqualTo(23L * INTERCEPTIONS);
        assertThat(sum(stack, "sessions", "cache_read_input_tokens")).isEqualTo(10L * INTERCEPTIONS);
        assertThat(stack.all("SELECT seq FROM {ks}.token_usages")).hasSize(2 * INTERCEPTIONS);
        assertThat(stack.all("SELECT interception_id FROM {ks}.interceptions_by_day")).hasSize(INTERCEPTIONS);
        assertThat(stack.all("SELECT tool_calls, input_tokens FROM {ks}.interceptions"))
                .allSatisfy(r -> assertThat(r.getInt("tool_calls") * 1000L + r.getLong("input_tokens")).isEqualTo(1107));
    }

    // Tick n sends the start and prompt of interception n and the rest of interception n - 3.
    private static void sendTick(ItStack stack, List<TestInterception> all, int n) throws InterruptedException {
        List<InterceptionEvent> events = new ArrayList<>();
        if (n < all.size()) {
            TestInterception i = all.get(n);
            events.addAll(List.of(i.started(0), i.prompt(1, "prompt " + n)));
        }
        if (n >= 3 && n - 3 < all.size()) {
            TestInterception i = all.get(n - 3);
            events.addAll(List.of(i.tokens(2, 100, 20, 10, 5, 1), i.tool(3, "Read"), i.tokens(4, 7, 3, 0, 0, 0),
                    i.ended(5, InterceptionStatus.COMPLETED)));
        }
        stack.send(events);
        Thread.sleep(20);
    }

    private static long completed(ItStack stack) {
        return stack.all("SELECT status FROM {ks}.interceptions").stream()
                .filter(r -> "completed".equals(r.getString("status"))).count();
    }

    private static long sum(ItStack stack, String table, String column) {
        return stack.all("SELECT " + column + " AS v FROM {ks}." + table).stream()
                .mapToLong(r -> ((Number) r.getObject("v")).longValue()).sum();
    }
}
