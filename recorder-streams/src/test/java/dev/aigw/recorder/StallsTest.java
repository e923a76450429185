package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StallsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldCountAStallWhenThereIsLagAndNoCommit() {
        Stalls.Progress progress = new Stalls.Progress();
        progress.observe(T0, 10, 5);

        assertThat(progress.observe(T0.plusSeconds(200), 10, 5)).isEqualTo(Duration.ofSeconds(200));
    }

    @Test
    void shouldNotCountAStallWhenCommitsMoveOrThereIsNoLag() {
        Stalls.Progress progress = new Stalls.Progress();
        progress.observe(T0, 10, 5);

        assertThat(progress.observe(T0.plusSeconds(100), 11, 5)).isZero();
        assertThat(progress.observe(T0.plusSeconds(200), 11, 0)).isZero();
        assertThat(progress.observe(T0.plusSeconds(300), 11, Double.NaN)).isZero();
        assertThat(progress.observe(T0.plusSeconds(400), 11, 3)).isEqualTo(Duration.ofSeconds(100));
    }
}
