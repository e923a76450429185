package dev.aigw.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void shouldParseGoDurationsAndDays() {
        assertThat(Durations.parse("30s")).hasValue(Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).hasValue(Duration.ofMinutes(10));
        assertThat(Durations.parse("1h30m")).hasValue(Duration.ofMinutes(90));
        assertThat(Durations.parse("1.5h")).hasValue(Duration.ofMinutes(90));
        assertThat(Durations.parse("250ms")).hasValue(Duration.ofMillis(250));
        assertThat(Durations.parse("2us")).hasValue(Duration.ofNanos(2_000));
        assertThat(Durations.parse("60d")).hasValue(Duration.ofDays(60));
        assertThat(Durations.parse("720h")).hasValue(Duration.ofHours(720));
        assertThat(Durations.parse(" 0 ")).hasValue(Duration.ZERO);
    }

    @Test
    void shouldRejectTextThatIsNotADuration() {
        assertThat(Durations.parse("60")).isEmpty();
        assertThat(Durations.parse("sixty days")).isEmpty();
        assertThat(Durations.parse("60dx")).isEmpty();
        assertThat(Durations.parse("1h 30m")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.parse("")).isEmpty();
        assertThat(Durations.parse("99999999999999d")).isEmpty();
    }
}
