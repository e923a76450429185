package dev.aigw.gateway.intercept.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponsesParsingTest {

    private static byte[] section(String fixture, String name) {
        return Txtar.fixture("openai/responses/" + fixture).required(name).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> blocking(String fixture) throws IOException {
        return ResponseResult.payloads(section("blocking/" + fixture, "non-streaming")).stream()
                .<Object>map(Payload::avro).toList();
    }

    private record Streamed(List<Object> payloads, ResponsesStream stream) {
    }

    private static Streamed streaming(String fixture) {
        List<Object> payloads = new ArrayList<>();
        ResponsesStream stream = new ResponsesStream(p -> payloads.add(p.avro()));
        SseDecoder decoder = new SseDecoder(stream);
        byte[] bytes = section("streaming/" + fixture, "streaming");
        for (int i = 0; i < bytes.length; i += 300) {
            decoder.feed(bytes, i, Math.min(300, bytes.length - i));
        }
        decoder.finish();
        return new Streamed(payloads, stream);
    }

    private static <T> List<T> only(List<Object> payloads, Class<T> type) {
        return payloads.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void shouldTakeThePromptFromAStringOrTheLastUserItem() {
        ApiRequest simple = ResponsesRequest.parse(section("blocking/simple.txtar", "request"));
        assertThat(simple.prompt()).hasValue("tell me a joke");
        assertThat(ResponsesRequest.parse(section("streaming/codex_example.txtar", "request")).prompt()).hasValue("hello");
        ApiRequest answer = ResponsesRequest.parse("""
                {"model":"m","background":true,"input":[{"type":"function_call_output","call_id":"call_1","output":"8"}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.correlatingToolCallId()).hasValue("call_1");
        assertThat(answer.prompt()).isEmpty();
        assertThat(answer.background()).isTrue();
        assertThatThrownBy(() -> ResponsesRequest.parse("{\"model\":\"m\",\"input\":7}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("input");
    }

    @Test
    void shouldRecordUsageWithTotalsWhenBlocking() throws IOException {
        TokenUsage usage = (TokenUsage) blocking("simple.txtar").getLast();

        assertThat(usage.getProviderResponseId()).isEqualTo("resp_0388c79043df3e3400695f9f83cd6481959062cec6830d8d51");
        assertThat(usage.getInputTokens()).isEqualTo(11);
        assertThat(usage.getOutputTokens()).isEqualTo(18);
        assertThat(usage.getExtra()).containsEntry("total_tokens", 29L).containsEntry("input_cached", 0L);
    }

    @Test
    void shouldRecordFunctionCallAndReasoningSummary() throws IOException {
        List<Object> payloads = blocking("single_builtin_tool.txtar");

        assertThat(only(payloads, ToolUsage.class)).singleElement().satisfies(t -> {
            assertThat(t.getTool()).isEqualTo("add");
            assertThat(t.getToolCallId()).isEqualTo("call_CJSaa2u51JG996575oVljuNq");
            assertThat(t.getInput()).isEqualTo("{\"a\":3,\"b\":5}");
            assertThat(t.getItemId()).isNotBlank();
        });
        assertThat(only(payloads, ModelThought.class)).singleElement().satisfies(t -> {
            assertThat(t.getContent()).contains("The user wants to add 3 and 5");
            assertThat(t.getSource()).isEqualTo(ThoughtSource.REASONING_SUMMARY);
        });
    }

    @Test
    void shouldRecordCommentaryAndSummaryAsThoughtsOfTheirSource() throws IOException {
        assertThat(only(blocking("summary_and_commentary_builtin_tool.txtar"), ModelThought.class))
                .extracting(ModelThought::getSource, ModelThought::getContent)
                .containsExactly(
                        tuple(ThoughtSource.REASONING_SUMMARY, "I need to add 3 and 5 to check primality."),
                        tuple(ThoughtSource.COMMENTARY, "Let me calculate the sum first using the add function."));
    }

    @Test
    void shouldSplitCachedInputAndCountReasoningAndCustomTools() throws IOException {
        TokenUsage cached = (TokenUsage) blocking("cached_input_tokens.txtar").getLast();
        assertThat(cached.getInputTokens()).isEqualTo(129);
        assertThat(cached.getCacheReadInputTokens()).isEqualTo(11904);
        assertThat(cached.getOutputTokens()).isEqualTo(44);

        List<Object> custom = blocking("custom_tool.txtar");
        assertThat(only(custom, ToolUsage.class)).singleElement().satisfies(t -> {
            assertThat(t.getTool()).isEqualTo("code_exec");
            assertThat(t.getToolCallId()).isEqualTo("call_haf8njtwrVZ1754Gm6fjAtuA");
            assertThat(t.getInput()).isEqualTo("print(\"hello world\")");
        });
        assertThat(((TokenUsage) custom.getLast()).getReasoningTokens()).isEqualTo(128);
    }

    @Test
    void shouldRefuseToInventNumbersForAMalformedBody() {
        assertThatThrownBy(() -> blocking("wrong_response_format.txtar")).isInstanceOf(IOException.class);
    }

    @Test
    void shouldTakeTheAuditFromTheCompletedEventOfAStream() {
        Streamed simple = streaming("simple.txtar");
        assertThat(simple.stream().error()).isEmpty();
        assertThat(((TokenUsage) simple.payloads().getLast()).getProviderResponseId())
                .isEqualTo("resp_0f9c4b2f224d858000695fa062bf048197a680f357bbb09000");

        List<Object> tool = streaming("builtin_tool.txtar").payloads();
        assertThat(only(tool, ToolUsage.class)).singleElement()
                .satisfies(t -> assertThat(t.getToolCallId()).isEqualTo("call_7VaiUXZYuuuwWwviCrckxq6t"));
        assertThat(((TokenUsage) tool.getLast()).getInputTokens()).isEqualTo(58);

        TokenUsage cached = (TokenUsage) streaming("cached_input_tokens.txtar").payloads().getLast();
        assertThat(cached.getInputTokens()).isEqualTo(1165);
        assertThat(cached.getCacheReadInputTokens()).isEqualTo(15744);
    }

    @Test
    void shouldRecordTheErrorAndNoUsageWhenAStreamFails() {
        for (String fixture : List.of("stream_error.txtar", "stream_failure.txtar", "conversation.txtar")) {
            Streamed failed = streaming(fixture);
            assertThat(failed.stream().error()).as(fixture).isPresent();
            assertThat(only(failed.payloads(), TokenUsage.class)).as(fixture).isEmpty();
        }
        assertThat(streaming("stream_failure.txtar").stream().error())
                .hasValue("response failed: The model failed to generate a response.");
    }

    @Test
    void shouldNameAnErrorEventByItsCodeOrElseItsType() {
        assertThat(streaming("stream_error.txtar").stream().error()).hasValue("ERR_SOMETHING: Something went wrong");
        assertThat(streaming("conversation.txtar").stream().error()).hasValue("invalid_request_error: "
                + "Conversation with id 'conv_695fa1132770819795d013275c77e8380108ce40c6fb22bd' not found.");
    }
}
