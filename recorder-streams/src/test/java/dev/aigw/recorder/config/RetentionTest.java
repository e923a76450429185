package dev.aigw.recorder.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionTest {
    @Test
    void shouldParseTheSeedsDurationForms() {
        assertThat(Retention.parse("60d")).hasValue(Duration.ofDays(60));
        assertThat(Retention.parse("720h")).hasValue(Duration.ofHours(720));
        assertThat(Retention.parse("1h30m")).hasValue(Duration.ofMinutes(90));
        assertThat(Retention.parse("0")).hasValue(Duration.ZERO);
    }

    @Test
    void shouldRejectTextThatIsNotADuration() {
        assertThat(Retention.parse("60")).isEmpty();
        assertThat(Retention.parse("sixty days")).isEmpty();
        assertThat(Retention.parse("60dx")).isEmpty();
        assertThat(Retention.parse("")).isEmpty();
    }
}
