package dev.aigw.servicekit.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartOrderTest {

    @Test
    void shouldOrderKeysByStartTimeWhateverTheIds() {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        List<String> keys = new ArrayList<>(List.of(StartOrder.key(t.plusSeconds(1), "aaa"), StartOrder.key(t, "zzz"),
                StartOrder.key(Instant.ofEpochMilli(5), "m"), StartOrder.key(t.plusMillis(999), "0")));

        keys.sort(null);

        assertThat(keys).containsExactly(StartOrder.key(Instant.ofEpochMilli(5), "m"), StartOrder.key(t, "zzz"),
                StartOrder.key(t.plusMillis(999), "0"), StartOrder.key(t.plusSeconds(1), "aaa"));
    }

    @Test
    void shouldPutEveryKeyThatStartedBeforeTheCutoffBelowIt() {
        Instant cutoff = Instant.parse("2026-12-07T10:00:00Z");

        assertThat(StartOrder.key(cutoff.minusMillis(1), "zzzz")).isLessThan(StartOrder.before(cutoff));
        assertThat(StartOrder.key(cutoff, "")).isGreaterThanOrEqualTo(StartOrder.before(cutoff));
        assertThat(StartOrder.key(cutoff.plusSeconds(60), "a")).isGreaterThan(StartOrder.before(cutoff));
    }

    @Test
    void shouldSweepATenthOfTheTimeoutWithinBounds() {
        assertThat(StartOrder.sweepInterval(Duration.ofMinutes(10))).isEqualTo(Duration.ofSeconds(30));
        assertThat(StartOrder.sweepInterval(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(5));
        assertThat(StartOrder.sweepInterval(Duration.ofMillis(200))).isEqualTo(Duration.ofMillis(100));
    }
}
