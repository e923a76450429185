package dev.aigw.recorder.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RowTtlTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void shouldLiveUntilTheExpiryRoundedUpToTheSecond() {
        assertThat(RowTtl.seconds(NOW.plus(Duration.ofHours(23)), NOW)).hasValue((int) Duration.ofHours(23).toSeconds());
        assertThat(RowTtl.seconds(NOW.plusMillis(1500), NOW)).hasValue(2);
    }

    @Test
    void shouldSkipRowsAlreadyPastTheirExpiry() {
        assertThat(RowTtl.seconds(NOW, NOW)).isEmpty();
        assertThat(RowTtl.seconds(NOW.minusSeconds(1), NOW)).isEmpty();
    }

    @Test
    void shouldNotExpireRowsWithoutExpiryAndCapAtCassandrasMaximum() {
        assertThat(RowTtl.seconds(null, NOW)).hasValue(0);
        assertThat(RowTtl.seconds(NOW.plus(Duration.ofDays(365 * 30)), NOW)).hasValue(630_720_000);
    }
}
