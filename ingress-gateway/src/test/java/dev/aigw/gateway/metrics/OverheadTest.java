package dev.aigw.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverheadTest {
    @Test
    void shouldLeaveTimeSpentWaitingOnTheProviderOutOfTheOverhead() throws InterruptedException {
        Overhead overhead = Overhead.start();
        long asked = System.nanoTime();
        Thread.sleep(200);
        overhead.waitedSince(asked);

        assertThat(overhead.nanos()).isLessThan(Duration.ofMillis(100).toNanos());
        assertThat(overhead.timeToFirstByte()).isEqualTo(-1);
        overhead.firstByte();
        assertThat(overhead.timeToFirstByte()).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }

    @Test
    void shouldWriteTheHeaderAsMillisecondsWithThreeDecimals() {
        assertThat(Overhead.start().header()).matches("\\d+\\.\\d{3}");
    }
}
