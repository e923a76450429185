package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The names and marks of the calls {@code docs/audit-semantics.md} describes: the provider's own (hosted) tools under
 * the names it gives them, and calls the output limit or the end of the stream cut short marked incomplete.
 */
class HostedAndCutCallsTest {

    @Test
    void shouldRecordAnthropicServerAndMcpToolCallsByTheirNamesWhenStreamed() {
        List<Object> payloads = streamed(Api.MESSAGES, "anthropic_server_tools.txtar");

        assertThat(tools(payloads)).extracting(ToolUsage::getTool, ToolUsage::getToolCallId, ToolUsage::getInput,
                ToolUsage::getInvocationError).containsExactly(
                tuple("web_search", "srvtoolu_01WebSearch", "{\"query\": \"jdk 25 release date\"}", null),
                tuple("list_issues", "mcptoolu_01Issues", "{\"state\":\"open\"}", null));
        assertThat(payloads).filteredOn(ModelThought.class::isInstance).extracting(p -> ((ModelThought) p).getContent())
                .containsExactly("I should search the web for the release date.");
        TokenUsage usage = (TokenUsage) payloads.getLast();
        assertThat(usage.getInputTokens()).isEqualTo(120);
        assertThat(usage.getOutputTokens()).isEqualTo(87);
        assertThat(usage.getExtra()).containsEntry("web_search_requests", 1L);
    }

    @Test
    void shouldRecordAnthropicServerAndMcpToolCallsByTheirNamesWhenBlocking() throws IOException {
        List<Object> payloads = blocking(Api.MESSAGES, """
                {"id":"msg_1","type":"message","model":"claude-sonnet-4-5","stop_reason":"end_turn",
                 "usage":{"input_tokens":10,"output_tokens":20,"server_tool_use":{"web_search_requests":1}},
                 "content":[
                  {"type":"server_tool_use","id":"srvtoolu_1","name":"web_fetch","input":{"url":"https://example.com"}},
                  {"type":"web_fetch_tool_result","tool_use_id":"srvtoolu_1","content":{"type":"web_fetch_result"}},
                  {"type":"server_tool_use","id":"srvtoolu_2","name":"code_execution","input":{"code":"print(1)"}},
                  {"type":"mcp_tool_use","id":"mcptoolu_1","name":"list_issues","server_name":"tracker","input":{}},
                  {"type":"mcp_tool_result","tool_use_id":"mcptoolu_1","is_error":false,"content":[]},
                  {"type":"text","text":"done"}]}""");

        assertThat(tools(payloads)).extracting(ToolUsage::getTool, ToolUsage::getInput).containsExactly(
                tuple("web_fetch", "{\"url\":\"https://example.com\"}"),
                tuple("code_execution", "{\"code\":\"print(1)\"}"),
                tuple("list_issues", "{}"));
        assertThat(tools(payloads)).extracting(ToolUsage::getInvocationError).containsOnlyNulls();
    }

    @Test
    void shouldMarkTheToolCallMaxTokensCutShortWhenStreamedOrBlocking() throws IOException {
        List<ToolUsage> streamed = tools(streamed(Api.MESSAGES, "anthropic_max_tokens.txtar"));
        List<ToolUsage> blocking = tools(blocking(Api.MESSAGES, """
                {"id":"msg_2","model":"m","stop_reason":"max_tokens","usage":{"input_tokens":1,"output_tokens":2},
                 "content":[{"type":"tool_use","id":"toolu_1","name":"Read","input":{"file_path":"/a"}},
                            {"type":"tool_use","id":"toolu_2","name":"Write","input":{}}]}"""));

        assertThat(streamed).extracting(ToolUsage::getInput, ToolUsage::getInvocationError).containsExactly(
                tuple("{\"file_path\": \"/tmp/a\", \"content\": \"lorem ips", Partial.OUTPUT_LIMIT.text()));
        assertThat(blocking).extracting(ToolUsage::getToolCallId, ToolUsage::getInvocationError).containsExactly(
                tuple("toolu_1", null), tuple("toolu_2", Partial.OUTPUT_LIMIT.text()));
    }

    @Test
    void shouldKeepAnAnthropicToolCallAsFarAsItCameWhenTheStreamBreaksInsideIt() {
        String whole = Txtar.fixture("anthropic/single_builtin_tool.txtar").required("streaming");
        String cut = whole.substring(0, whole.indexOf("\n\n", whole.indexOf("input_json_delta")) + 2);

        List<Object> payloads = replay(Api.MESSAGES, cut);

        assertThat(tools(payloads)).singleElement().satisfies(call -> {
            assertThat(call.getTool()).isEqualTo("Read");
            assertThat("{\"file_path\": \"/tmp/blah/foo\"}").startsWith(call.getInput());
            assertThat(call.getInvocationError()).isEqualTo(Partial.STREAM_ENDED.text());
        });
        assertThat(payloads.getLast()).isInstanceOf(TokenUsage.class);
    }

    @Test
    void shouldRecordResponsesHostedToolCallsUnderTheirTypeOrNameWithWhatTheyWereAsked() throws IOException {
        List<Object> payloads = blocking(Api.RESPONSES, """
                {"id":"resp_1","model":"gpt-5","status":"completed","output":[
                  {"id":"ws_1","type":"web_search_call","status":"completed","action":{"type":"search","query":"lisbon"}},
                  {"id":"fs_1","type":"file_search_call","status":"completed","queries":["q1"]},
                  {"id":"ci_1","type":"code_interpreter_call","status":"completed","code":"print(1)"},
                  {"id":"mcp_1","type":"mcp_call","status":"failed","name":"list_issues","server_label":"t",
                   "arguments":"{}","error":"tool not found"},
                  {"id":"ig_1","type":"image_generation_call","status":"completed","result":"aGk="},
                  {"id":"cu_1","type":"computer_call","call_id":"call_cu","status":"completed","action":{"type":"click"}},
                  {"id":"ct_1","type":"custom_tool_call","call_id":"call_ct","name":"apply","input":"*** patch"}]}""");

        assertThat(tools(payloads)).extracting(ToolUsage::getTool, ToolUsage::getItemId, ToolUsage::getInput,
                ToolUsage::getInvocationError).containsExactly(
                tuple("web_search_call", "ws_1", "{\"type\":\"search\",\"query\":\"lisbon\"}", null),
                tuple("file_search_call", "fs_1", "[\"q1\"]", null),
                tuple("code_interpreter_call", "ci_1", "print(1)", null),
                tuple("list_issues", "mcp_1", "{}", "tool not found"),
                tuple("image_generation_call", "ig_1", "", null),
                tuple("computer_call", "cu_1", "{\"type\":\"click\"}", null),
                tuple("apply", "ct_1", "*** patch", null));
    }

    @Test
    void shouldRecordResponsesHostedToolCallsFromTheStream() {
        List<Object> payloads = streamed(Api.RESPONSES, "responses_hosted_tools.txtar");

        assertThat(tools(payloads)).extracting(ToolUsage::getTool, ToolUsage::getInput).containsExactly(
                tuple("web_search_call", "{\"type\":\"search\",\"query\":\"population of Lisbon\"}"),
                tuple("list_issues", "{\"state\":\"open\"}"),
                tuple("code_interpreter_call", "print(545000 / 100)"));
        assertThat(payloads.getLast()).isInstanceOf(TokenUsage.class);
    }

    @Test
    void shouldRecordAResponseTheOutputLimitStoppedWithItsCallMarked() {
        List<Object> payloads = streamed(Api.RESPONSES, "responses_incomplete.txtar");

        assertThat(tools(payloads)).extracting(ToolUsage::getTool, ToolUsage::getInput, ToolUsage::getInvocationError)
                .containsExactly(tuple("write_file", "{\"path\":\"b.md\",\"text\":\"lor", Partial.OUTPUT_LIMIT.text()));
        assertThat(((TokenUsage) payloads.getLast()).getOutputTokens()).isEqualTo(16);
    }

    @Test
    void shouldMarkTheLastChatToolCallWhenTheOutputLimitCutIt() throws IOException {
        List<ToolUsage> streamed = tools(streamed(Api.CHAT, "chat_length.txtar"));
        List<ToolUsage> blocking = tools(blocking(Api.CHAT, """
                {"id":"c1","model":"m","choices":[{"index":0,"finish_reason":"length","message":{"role":"assistant",
                 "tool_calls":[{"id":"call_1","type":"function","function":{"name":"a","arguments":"{}"}},
                               {"id":"call_2","type":"function","function":{"name":"b","arguments":"{\\"x"}}]}}]}"""));

        assertThat(streamed).extracting(ToolUsage::getToolCallId, ToolUsage::getInvocationError).containsExactly(
                tuple("call_First", null), tuple("call_Second", Partial.OUTPUT_LIMIT.text()));
        assertThat(blocking).extracting(ToolUsage::getToolCallId, ToolUsage::getInvocationError).containsExactly(
                tuple("call_1", null), tuple("call_2", Partial.OUTPUT_LIMIT.text()));
    }

    @Test
    void shouldRefuseAnEmptyOrNonObjectBlockingAnswerAsNotParsed() {
        for (Api api : List.of(Api.MESSAGES, Api.CHAT, Api.RESPONSES)) {
            assertThatThrownBy(() -> api.payloads(new byte[0])).as(api.toString()).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> api.payloads("[1]".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        }
    }

    private static List<Object> streamed(Api api, String resource) {
        return replay(api, Txtar.parse(resource(resource)).required("streaming"));
    }

    private static List<Object> replay(Api api, String sse) {
        List<Object> payloads = new ArrayList<>();
        StreamAudit audit = api.follow(p -> payloads.add(p.avro()));
        SseDecoder decoder = new SseDecoder(audit);
        byte[] bytes = sse.getBytes(StandardCharsets.UTF_8);
        decoder.feed(bytes, 0, bytes.length);
        decoder.finish();
        audit.finish();
        return payloads;
    }

    private static List<Object> blocking(Api api, String body) throws IOException {
        return api.payloads(body.getBytes(StandardCharsets.UTF_8)).stream().<Object>map(Payload::avro).toList();
    }

    private static List<ToolUsage> tools(List<Object> payloads) {
        return payloads.stream().filter(ToolUsage.class::isInstance).map(ToolUsage.class::cast).toList();
    }

    static String resource(String name) {
        try (InputStream in = HostedAndCutCallsTest.class.getResourceAsStream("endings/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
