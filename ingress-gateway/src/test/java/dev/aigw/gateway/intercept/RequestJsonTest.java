package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.fixtures.Txtar;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestJsonTest {

    private static JsonNode outline(String json, String conversation) {
        return RequestJson.outline(json.getBytes(StandardCharsets.UTF_8), conversation);
    }

    @Test
    void shouldKeepOnlyTheReadFieldsAndTheLastTurnOfTheConversation() {
        JsonNode outline = outline("""
                {"system":"long text","model":"m","tools":[{"name":"t"}],"stream":true,"stream_options":{"x":1},
                 "messages":[{"role":"user","content":"first"},{"role":"assistant","content":[{"type":"text"}]},
                             {"role":"user","content":[{"type":"text","text":"last \\u00e9"}]}]}""", "messages");

        assertThat(outline.fieldNames()).toIterable().containsExactly("model", "stream", "stream_options", "messages");
        assertThat(outline.path("messages")).hasSize(1);
        assertThat(outline.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("last é");
        assertThat(outline.path("stream_options").path("x").asInt()).isEqualTo(1);
    }

    @Test
    void shouldMatchTheFullTreesLastMessageOnARealClaudeCodeRequest() throws Exception {
        byte[] body = Txtar.fixture("anthropic/single_builtin_tool.txtar").required("request").getBytes(StandardCharsets.UTF_8);
        JsonNode full = BodyJson.tree(body);

        JsonNode outline = RequestJson.outline(body, "messages");

        assertThat(outline.path("messages").get(0)).isEqualTo(full.path("messages").get(full.path("messages").size() - 1));
        assertThat(outline.path("model")).isEqualTo(full.path("model"));
    }

    @Test
    void shouldKeepAConversationThatIsNotAnArrayAsItIs() {
        assertThat(outline("{\"input\":\"hi\"}", "input").path("input").asText()).isEqualTo("hi");
        assertThat(outline("{\"input\":[\"a\",\"b\"]}", "input").path("input").get(0).asText()).isEqualTo("b");
        assertThat(outline("{\"messages\":[]}", "messages").path("messages")).isEmpty();
    }

    @Test
    void shouldRefuseMalformedJsonEvenInsideSkippedFields() {
        assertThatThrownBy(() -> outline("{\"tools\":[{\"a\":}],\"model\":\"m\"}", "messages"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> outline("{\"model\":\"m\"} {}", "messages"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("nothing after it");
        assertThatThrownBy(() -> outline("[1]", "messages")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> outline("", "messages")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> outline("{\"model\":\"m\"", "messages")).hasMessageContaining("not valid JSON");
    }
}
