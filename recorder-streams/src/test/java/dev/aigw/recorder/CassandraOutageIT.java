package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.testkit.PrometheusText;
import dev.aigw.testkit.RealStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cassandra stopped under a stream of events: the stall is loud (readiness names it), nothing is lost, and the
 * recorder catches up once it is back.
 */
@ExtendWith(RealStack.class)
class CassandraOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    private static List<InterceptionEvent> events(TestInterception i) {
        return List.of(i.started(0), i.prompt(1, "p"), i.tokens(2, 100, 20, 10, 5, 1), i.tool(3, "Read"),
                i.tokens(4, 7, 3, 0, 0, 0), i.ended(5, InterceptionStatus.COMPLETED));
    }

    @Test
    void shouldWriteEveryEventWithin30SecondsOfCassandrasReturnAfter30SecondsDown() throws Exception {
        try (ItStack stack = new ItStack(3);
             Recorder recorder = Recorder.start(RecorderConfig.fromEnv(stack.env(Map.of(
                     "CODER_AI_GATEWAY_RECORDER_STALL_AFTER", "3s"))))) {
            stack.send(events(TestInterception.of(Instant.now(), "alice", "warm-up")));
            RealStack.await(Duration.ofSeconds(60), () -> completed(stack) == 1 ? true : null);

            int sent = 1;
            RealStack.stopCassandra();
            try {
                long end = System.nanoTime() + OUTAGE.toNanos();
                while (System.nanoTime() < end) {
                    stack.send(events(TestInterception.of(Instant.now(), sent % 2 == 0 ? "alice" : "bob", "s" + sent % 7)));
                    sent++;
                    Thread.sleep(100);
                }
                assertThat(recorder.state().isRunningOrRebalancing()).isTrue();
                var ready = RealStack.await(OUTAGE, () -> {
                    var answer = ItStack.get(recorder, "/health/ready");
                    return answer.body().contains("row sink has held unwritten rows") ? answer : null;
                });
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(PrometheusText.parse(ItStack.get(recorder, "/metrics").body())
                        .sum("coder_ai_gateway_recorder_row_sink_retries")).isGreaterThan(0);
            } finally {
                RealStack.restartCassandra();
            }
            Instant back = Instant.now();

            int expected = sent;
            RealStack.await(CATCH_UP, () -> completed(stack) == expected && usage(stack) == expected
                    && stack.all("SELECT seq FROM {ks}.token_usages").size() == 2 * expected ? true : null);
            RealStack.await(CATCH_UP, () -> ItStack.get(recorder, "/health/ready").statusCode() == 200 ? true : null);
            System.out.printf("CassandraOutageIT: %d interceptions (%d events) sent while Cassandra was down for %d s;"
                    + " all in Cassandra %d ms after it was back%n", expected - 1, (expected - 1) * 6, OUTAGE.toSeconds(),
                    Duration.between(back, Instant.now()).toMillis());
        }
    }

    private static long completed(ItStack stack) {
        return stack.all("SELECT status FROM {ks}.interceptions").stream()
                .filter(r -> "completed".equals(r.getString("status"))).count();
    }

    private static long usage(ItStack stack) {
        return stack.all("SELECT interceptions FROM {ks}.usage_by_day").stream().mapToLong(r -> r.getLong("interceptions")).sum();
    }
}
