package dev.aigw.gateway.intercept.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.testkit.fixtures.Txtar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesStreamTest {

    private record Outcome(List<Object> payloads, MessagesStream stream) {
    }

    private static Outcome replay(String fixture) {
        List<Object> payloads = new ArrayList<>();
        MessagesStream stream = new MessagesStream(p -> payloads.add(p.avro()));
        SseDecoder decoder = new SseDecoder(stream);
        byte[] bytes = Txtar.fixture(fixture).required("streaming").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 512) {
            decoder.feed(bytes, i, Math.min(512, bytes.length - i));
        }
        decoder.finish();
        stream.finish();
        return new Outcome(payloads, stream);
    }

    @Test
    void shouldRecordFinalOutputCountNotStartPlusDeltaWhenToolIsStreamed() {
        List<Object> payloads = replay("anthropic/single_builtin_tool.txtar").payloads();

        TokenUsage usage = (TokenUsage) payloads.getLast();
        assertThat(usage.getProviderResponseId()).isEqualTo("msg_015SQewixvT9s4cABCVvUE6g");
        assertThat(usage.getInputTokens()).isEqualTo(2);
        assertThat(usage.getOutputTokens()).isEqualTo(61);
        assertThat(usage.getCacheReadInputTokens()).isEqualTo(13993);
        assertThat(usage.getCacheWriteInputTokens()).isEqualTo(22);
        assertThat(payloads.getFirst()).isInstanceOfSatisfying(ModelThought.class,
                t -> assertThat(t.getContent()).isEqualTo("The user wants me to read a file called \"foo\". Let me find and read it."));
        assertThat(payloads.get(1)).isInstanceOfSatisfying(ToolUsage.class, t -> {
            assertThat(t.getTool()).isEqualTo("Read");
            assertThat(t.getToolCallId()).isEqualTo("toolu_01RX68weRSquLx6HUTj65iBo");
            assertThat(t.getInput()).isEqualTo("{\"file_path\": \"/tmp/blah/foo\"}");
        });
        assertThat(payloads).hasSize(3);
    }

    @Test
    void shouldRecordEveryParallelToolCallAndOneThought() {
        List<Object> payloads = replay("anthropic/single_builtin_tool_parallel.txtar").payloads();

        assertThat(payloads).filteredOn(ToolUsage.class::isInstance)
                .extracting(p -> ((ToolUsage) p).getToolCallId())
                .hasSize(2)
                .allSatisfy(id -> assertThat(id).startsWith("toolu_01Parallel"));
        assertThat(payloads).filteredOn(ModelThought.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((ModelThought) t).getContent()).contains("The user wants me to read two files"));
    }

    @Test
    void shouldReportTheUpstreamErrorWhenTheStreamFailsMidway() {
        Outcome outcome = replay("anthropic/stream_error.txtar");

        assertThat(outcome.stream().error()).hasValue("api_error: Overloaded");
        assertThat(outcome.payloads()).singleElement().isInstanceOf(TokenUsage.class);
    }

    @Test
    void shouldRecordThinkingOfTheSimpleStream() {
        Outcome outcome = replay("anthropic/simple.txtar");

        assertThat(outcome.stream().error()).isEmpty();
        assertThat(outcome.payloads()).first().isInstanceOfSatisfying(ModelThought.class,
                t -> assertThat(t.getContent()).startsWith("This is a classic philosophical question"));
        assertThat(((TokenUsage) outcome.payloads().getLast()).getInputTokens()).isEqualTo(18);
    }
}
