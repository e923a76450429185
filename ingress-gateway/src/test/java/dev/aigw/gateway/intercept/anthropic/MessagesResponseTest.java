package dev.aigw.gateway.intercept.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.testkit.fixtures.Txtar;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesResponseTest {

    private static List<Object> payloadsOf(String fixture) throws Exception {
        String body = Txtar.fixture(fixture).required("non-streaming");
        return MessagesResponse.payloads(body.getBytes(StandardCharsets.UTF_8)).stream().<Object>map(Payload::avro).toList();
    }

    @Test
    void shouldRecordUsageAndThinkingWhenSimpleAnswer() throws Exception {
        List<Object> payloads = payloadsOf("anthropic/simple.txtar");

        assertThat(payloads).hasSize(2);
        TokenUsage usage = (TokenUsage) payloads.get(0);
        assertThat(usage.getProviderResponseId()).isEqualTo("msg_01Pvyf26bY17RcjmWfJsXGBn");
        assertThat(usage.getProviderModel()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(usage.getInputTokens()).isEqualTo(18);
        assertThat(usage.getOutputTokens()).isEqualTo(254);
        ModelThought thought = (ModelThought) payloads.get(1);
        assertThat(thought.getContent()).startsWith("This is a classic philosophical question about medieval scholasticism");
        assertThat(thought.getSource()).isEqualTo(ThoughtSource.THINKING);
    }

    @Test
    void shouldRecordToolCallWithRawArgumentsAndCacheTokensWhenModelUsesATool() throws Exception {
        List<Object> payloads = payloadsOf("anthropic/single_builtin_tool.txtar");

        TokenUsage usage = (TokenUsage) payloads.getFirst();
        assertThat(usage.getInputTokens()).isEqualTo(5);
        assertThat(usage.getOutputTokens()).isEqualTo(84);
        assertThat(usage.getCacheReadInputTokens()).isEqualTo(23490);
        assertThat(usage.getCacheWriteInputTokens()).isZero();
        List<ToolUsage> tools = payloads.stream().filter(ToolUsage.class::isInstance).map(ToolUsage.class::cast).toList();
        assertThat(tools).singleElement().satisfies(t -> {
            assertThat(t.getTool()).isEqualTo("Read");
            assertThat(t.getToolCallId()).isEqualTo("toolu_01AusGgY5aKFhzWrFBv9JfHq");
            assertThat(t.getInput()).isEqualTo("{\"file_path\":\"/tmp/blah/foo\"}");
            assertThat(t.getProviderResponseId()).isEqualTo("msg_01JHKqEmh7wYuPXqUWUvusfL");
        });
        assertThat(payloads).filteredOn(ModelThought.class::isInstance).hasSize(1);
    }

    @Test
    void shouldKeepEveryThinkingBlockWhenSeveralPrecedeATool() throws Exception {
        List<Object> payloads = payloadsOf("anthropic/multi_thinking_builtin_tool.txtar");

        assertThat(payloads).filteredOn(ModelThought.class::isInstance)
                .extracting(p -> ((ModelThought) p).getContent())
                .hasSize(2)
                .anySatisfy(c -> assertThat(c).contains("The user wants me to read"))
                .anySatisfy(c -> assertThat(c).contains("I should use the Read tool"));
    }
}
