package dev.aigw.recorder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowTtlTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void shouldExpireAtStartPlusRetention() {
        assertThat(RowTtl.seconds(NOW.minusSeconds(3600), NOW, Duration.ofDays(1)))
                .hasValue((int) Duration.ofHours(23).toSeconds());
    }

    @Test
    void shouldSkipWritesForInterceptionsAlreadyPastRetention() {
        assertThat(RowTtl.seconds(NOW.minus(Duration.ofDays(2)), NOW, Duration.ofDays(1))).isEmpty();
    }

    @Test
    void shouldNotExpireWhenRetentionIsZeroAndCapAtCassandrasMaximum() {
        assertThat(RowTtl.seconds(NOW, NOW, Duration.ZERO)).hasValue(0);
        assertThat(RowTtl.seconds(NOW, NOW, Duration.ofDays(365 * 30))).hasValue(630_720_000);
    }
}
