package dev.aigw.gateway.intercept.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.testkit.fixtures.Txtar;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatParsingTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> stream(String sse, ChatStream[] out) {
        List<Object> payloads = new ArrayList<>();
        ChatStream stream = new ChatStream(p -> payloads.add(p.avro()));
        SseDecoder decoder = new SseDecoder(stream);
        byte[] bytes = utf8(sse);
        decoder.feed(bytes, 0, bytes.length);
        decoder.finish();
        stream.finish();
        out[0] = stream;
        return payloads;
    }

    private static List<Object> streamOf(String fixture) {
        return stream(Txtar.fixture(fixture).required("streaming"), new ChatStream[1]);
    }

    @Test
    void shouldAskForStreamUsageWithoutTouchingTheClientsBytes() {
        String client = " {\n \"model\":\"gpt-4.1\", \"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

        byte[] sent = ChatRequest.parse(utf8(client)).upstreamBody();

        assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo(
                " {\"stream_options\":{\"include_usage\":true},\n \"model\":\"gpt-4.1\", \"stream\":true,\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void shouldTurnStreamUsageOnWhenTheClientTurnedItOffAndLeaveBlockingBodiesAlone() {
        byte[] off = utf8("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":false},\"messages\":[]}");
        byte[] on = utf8("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}");
        byte[] blocking = utf8("{\"model\":\"m\",\"messages\":[]}");

        assertThat(new String(ChatRequest.parse(off).upstreamBody(), StandardCharsets.UTF_8)).contains("\"include_usage\":true");
        assertThat(ChatRequest.parse(on).upstreamBody()).isSameAs(on);
        assertThat(ChatRequest.parse(blocking).upstreamBody()).isSameAs(blocking);
    }

    @Test
    void shouldExtractPromptAndToolCorrelationFromRequests() {
        ApiRequest simple = ChatRequest.parse(utf8(Txtar.fixture("openai/chatcompletions/simple.txtar").required("request")));
        assertThat(simple.model()).isEqualTo("gpt-4.1");
        assertThat(simple.prompt()).hasValueSatisfying(p -> assertThat(p).contains("angels"));

        ApiRequest answer = ChatRequest.parse(utf8("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"q"}]},
                 {"role":"tool","tool_call_id":"call_9","content":"42"}]}"""));
        assertThat(answer.prompt()).isEmpty();
        assertThat(answer.correlatingToolCallId()).hasValue("call_9");
        assertThatThrownBy(() -> ChatRequest.parse(utf8("{\"model\":\"m\",\"messages\":{}}")))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("messages");
    }

    @Test
    void shouldRecordUsageWithoutCachedTokensAndTheToolCallWhenBlocking() throws Exception {
        List<Object> payloads = ChatResponse.payloads(
                utf8(Txtar.fixture("openai/chatcompletions/single_builtin_tool.txtar").required("non-streaming")))
                .stream().<Object>map(Payload::avro).toList();

        assertThat(payloads.getFirst()).isInstanceOfSatisfying(ToolUsage.class, t -> {
            assertThat(t.getTool()).isEqualTo("read_file");
            assertThat(t.getToolCallId()).isEqualTo("call_KjzAbhiZC6nk81tQzL7pwlpc");
            assertThat(t.getInput()).isEqualTo("{\"path\":\"README.md\"}");
        });
        TokenUsage usage = (TokenUsage) payloads.getLast();
        assertThat(usage.getInputTokens()).isEqualTo(60);
        assertThat(usage.getOutputTokens()).isEqualTo(15);
        assertThat(usage.getProviderResponseId()).isEqualTo("chatcmpl-BwkyFElDIr1egmFyfQ9z4vPBto7m2");
    }

    @Test
    void shouldAssembleTheStreamedToolCallAndTakeTheFinalUsage() {
        List<Object> payloads = streamOf("openai/chatcompletions/single_builtin_tool.txtar");

        assertThat(payloads).hasSize(2);
        assertThat(payloads.getFirst()).isInstanceOfSatisfying(ToolUsage.class, t -> {
            assertThat(t.getToolCallId()).isEqualTo("call_HjeqP7YeRkoNj0de9e3U4X4B");
            assertThat(t.getInput()).isEqualTo("{\"path\":\"README.md\"}");
        });
        assertThat(((TokenUsage) payloads.getLast()).getInputTokens()).isEqualTo(60);
        assertThat(((TokenUsage) payloads.getLast()).getOutputTokens()).isEqualTo(15);
    }

    @Test
    void shouldRecordTheSimpleStreamsUsage() {
        TokenUsage usage = (TokenUsage) streamOf("openai/chatcompletions/simple.txtar").getLast();

        assertThat(usage.getInputTokens()).isEqualTo(19);
        assertThat(usage.getOutputTokens()).isEqualTo(238);
        assertThat(usage.getProviderResponseId()).isEqualTo("chatcmpl-BwoiPTGRbKkY5rncfaM0s9KtWrq5N");
    }

    @Test
    void shouldRecordEveryParallelToolCallAndNotSumRepeatedCumulativeUsage() {
        String sse = """
                data: {"id":"c1","model":"m","choices":[{"delta":{"tool_calls":[{"index":0,"id":"call_a","function":{"name":"ls","arguments":"{}"}}]}}],"usage":{"prompt_tokens":10,"completion_tokens":1}}

                data: {"id":"c1","model":"m","choices":[{"delta":{"tool_calls":[{"index":1,"id":"call_b","function":{"name":"cat","arguments":"{\\"f\\":"}}]}}],"usage":{"prompt_tokens":10,"completion_tokens":2}}

                data: {"id":"c1","model":"m","choices":[{"delta":{"tool_calls":[{"index":1,"function":{"arguments":"1}"}}]}}],"usage":{"prompt_tokens":10,"completion_tokens":3}}

                data: [DONE]

                """;
        List<Object> payloads = stream(sse, new ChatStream[1]);

        assertThat(payloads).filteredOn(ToolUsage.class::isInstance).extracting(p -> ((ToolUsage) p).getToolCallId() + " "
                + ((ToolUsage) p).getInput()).containsExactly("call_a {}", "call_b {\"f\":1}");
        assertThat(((TokenUsage) payloads.getLast()).getOutputTokens()).isEqualTo(3);
        assertThat(((TokenUsage) payloads.getLast()).getInputTokens()).isEqualTo(10);
    }

    @Test
    void shouldReportTheErrorSentInsideTheStream() {
        ChatStream[] out = new ChatStream[1];
        stream(Txtar.fixture("openai/chatcompletions/stream_error.txtar").required("streaming"), out);

        assertThat(out[0].error()).hasValueSatisfying(e -> assertThat(e)
                .isEqualTo("server_error: The server had an error while processing your request. Sorry about that!"));
    }
}
