package dev.aigw.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventsTest {
    final SseEvents events = new SseEvents();

    int scan(String piece) {
        byte[] bytes = ("xx" + piece).getBytes(StandardCharsets.US_ASCII);
        return events.scan(bytes, 2, bytes.length - 2);
    }

    @Test
    void shouldEndAnEventAtABlankLineSplitAcrossPieces() {
        assertThat(scan("data: a\n")).isZero();
        assertThat(scan("\ndata: b\r\n")).isOne();
        assertThat(scan("\r")).isZero();
        assertThat(scan("\n")).isOne();
    }

    @Test
    void shouldCountSeveralEventsInOnePieceAndNoEventForExtraBlankLines() {
        assertThat(scan("\n\nevent: x\ndata: 1\n\n\n\ndata: 2\r\n\r\n\r\n")).isEqualTo(2);
    }

    @Test
    void shouldForgetAHalfEndedEventOnReset() {
        scan("data: a\n");
        events.reset();

        assertThat(scan("\n")).isZero();
    }
}
