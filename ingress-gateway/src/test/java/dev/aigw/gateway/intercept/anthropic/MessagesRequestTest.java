package dev.aigw.gateway.intercept.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.testkit.fixtures.Txtar;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessagesRequestTest {

    private static ApiRequest parse(String json) {
        return MessagesRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldExtractModelAndPromptWhenFixtureRequest() {
        ApiRequest request = parse(Txtar.fixture("anthropic/simple.txtar").required("request"));

        assertThat(request.model()).isEqualTo("claude-sonnet-4-0");
        assertThat(request.stream()).isFalse();
        assertThat(request.prompt()).hasValue("how many angels can dance on the head of a pin\n");
        assertThat(request.correlatingToolCallId()).isEmpty();
    }

    @Test
    void shouldTakeStringContentAndStreamFlagWhenPresent() {
        ApiRequest request = parse("""
                {"model":"m","stream":true,"messages":[{"role":"user","content":"hello"}]}""");

        assertThat(request.stream()).isTrue();
        assertThat(request.prompt()).hasValue("hello");
    }

    @Test
    void shouldCorrelateToolResultAndSkipPromptWhenLastMessageAnswersATool() {
        ApiRequest request = parse("""
                {"model":"m","messages":[{"role":"assistant","content":"x"},{"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"toolu_1","content":"42"}]}]}""");

        assertThat(request.correlatingToolCallId()).hasValue("toolu_1");
        assertThat(request.prompt()).isEmpty();
    }

    @Test
    void shouldHaveNoPromptWhenLastMessageIsTheAssistants() {
        assertThat(parse("""
                {"model":"m","messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}""")
                .prompt()).isEmpty();
    }

    @Test
    void shouldRefuseWhenBodyIsNotAMessagesRequest() {
        assertThatThrownBy(() -> parse("{not json")).isInstanceOf(BadRequestException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(BadRequestException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"messages\":[]}")).isInstanceOf(BadRequestException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> parse("{\"model\":7,\"messages\":[]}")).isInstanceOf(BadRequestException.class).hasMessageContaining("model");
        assertThatThrownBy(() -> parse("{\"model\":\"m\"}")).isInstanceOf(BadRequestException.class).hasMessageContaining("messages");
    }
}
