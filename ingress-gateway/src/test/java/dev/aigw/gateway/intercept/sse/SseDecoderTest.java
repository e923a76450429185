package dev.aigw.gateway.intercept.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseDecoderTest {

    private static List<SseEvent> decode(String stream, int chunk) {
        List<SseEvent> events = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(events::add);
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        decoder.finish();
        return events;
    }

    @Test
    void shouldDecodeTheSameEventsWhateverTheChunkSize() {
        String stream = "event: a\ndata: {\"x\":1}\n\n: comment\nid: 7\nevent: b\ndata: one\ndata: two\n\ndata: [DONE]\n\n";
        List<SseEvent> expected = List.of(new SseEvent("a", "{\"x\":1}"), new SseEvent("b", "one\ntwo"),
                new SseEvent("", "[DONE]"));

        for (int chunk : new int[] {1, 2, 3, 7, 1000}) {
            assertThat(decode(stream, chunk)).as("chunk %d", chunk).isEqualTo(expected);
        }
    }

    @Test
    void shouldAcceptCrLfLineEndsAndMultiByteCharactersSplitAcrossChunks() {
        assertThat(decode("data: caf\u00e9 \u2603\r\n\r\ndata:x\r\n\r\n", 1))
                .containsExactly(new SseEvent("", "caf\u00e9 \u2603"), new SseEvent("", "x"));
    }

    @Test
    void shouldDeliverTheLastEventWhenTheStreamEndsWithoutBlankLine() {
        assertThat(decode("event: message_stop\ndata: {}", 4)).containsExactly(new SseEvent("message_stop", "{}"));
    }
}
