package dev.aigw.bench.mock;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MockProfileTest {
    @Test
    void refusesWhatTheMockCannotAnswerWith() {
        assertThatIllegalArgumentException().isThrownBy(() -> MockProfile.ofMillis(-1, 4, 0, 10))
                .withMessageContaining("latency");
        assertThatIllegalArgumentException().isThrownBy(() -> MockProfile.ofMillis(0, 4, -1, 10))
                .withMessageContaining("gap");
        assertThatIllegalArgumentException().isThrownBy(() -> MockProfile.ofMillis(0, 0, 0, 10))
                .withMessageContaining("deltas");
        assertThatIllegalArgumentException().isThrownBy(() -> MockProfile.ofMillis(0, MockProfile.MAX_DELTAS + 1, 0,
                MockProfile.MAX_CONTENT_BYTES)).withMessageContaining("deltas");
        assertThatIllegalArgumentException().isThrownBy(() -> MockProfile.ofMillis(0, 4, 0, 3))
                .withMessageContaining("content bytes");
        assertThatIllegalArgumentException().isThrownBy(() -> MockProfile.ofMillis(0, 4, 0,
                MockProfile.MAX_CONTENT_BYTES + 1)).withMessageContaining("content bytes");
    }

    @Test
    void instantIsValidAndOfMillisBuildsTheSameRecord() {
        assertThat(MockProfile.ofMillis(0, 16, 0, 512)).isEqualTo(MockProfile.INSTANT);
        assertThat(MockProfile.ofMillis(20, 4, 5, 4))
                .isEqualTo(new MockProfile(Duration.ofMillis(20), 4, Duration.ofMillis(5), 4));
    }

    @Test
    void textHasTheAskedLengthAndNeedsNoJsonEscape() {
        String text = AnswerText.of(1000);

        assertThat(text).hasSize(1000).doesNotContain("\"", "\\").matches("[ -~]*");
    }

    @Test
    void splitSpreadsTheTextEvenlyWithNoEmptyPiece() {
        String text = AnswerText.of(10);

        assertThat(AnswerText.split(text, 4)).containsExactly(text.substring(0, 3), text.substring(3, 6),
                text.substring(6, 8), text.substring(8, 10));
        assertThat(AnswerText.split(text, 10)).hasSize(10).allSatisfy(piece -> assertThat(piece).hasSize(1));
        assertThat(AnswerText.split(text, 1)).containsExactly(text);
    }
}
