package dev.aigw.gateway.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.anthropic.MessagesRequest;
import dev.aigw.control.ProviderSettings;
import dev.aigw.testkit.fixtures.Txtar;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adaptation rules on the {@code simple_bedrock} fixture, which holds every field Bedrock refuses. */
class BedrockRequestTest {
    private static final String SIMPLE_BEDROCK = Txtar.fixture("anthropic/simple_bedrock.txtar").required("request");
    // As Claude Code sends them: one comma-separated line.
    private static final List<String> BETAS = List.of("interleaved-thinking-2025-05-14,effort-2025-11-24,"
            + "context-management-2025-06-27,prompt-caching-scope-2026-01-05");
    private static final String SMALL = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    @Test
    void shouldFitTheRequestToAModelOutsideTheTable() {
        ApiRequest adapted = adapt("beddel", SIMPLE_BEDROCK);
        JsonNode body = body(adapted);

        assertThat(adapted.model()).isEqualTo("beddel");
        assertThat(body.has("model")).as("model goes in the path").isFalse();
        assertThat(body.has("stream")).as("the operation streams").isFalse();
        assertThat(body.path("anthropic_version").asText()).isEqualTo("bedrock-2023-05-31");
        assertThat(body.path("anthropic_beta")).hasToString("[\"interleaved-thinking-2025-05-14\"]");
        assertThat(body.path("thinking")).hasToString("{\"type\":\"enabled\",\"budget_tokens\":16000}");
        for (String refused : List.of("metadata", "service_tier", "container", "inference_geo", "output_config",
                "context_management")) {
            assertThat(body.has(refused)).as(refused).isFalse();
        }
        assertThat(body.path("messages").get(0).path("content").get(0).path("text").asText()).isEqualTo("Hello.");
        assertThat(adapted.prompt()).hasValue("Hello.");
        assertThat(adapted.stream()).isTrue();
    }

    @Test
    void shouldKeepEffortOnOpus45AndContextManagementOnSonnet45WithTheirFlags() {
        JsonNode opus = body(adapt("global.anthropic.claude-opus-4-5-20251101-v1:0", SIMPLE_BEDROCK));
        JsonNode sonnet = body(adapt("anthropic.claude-sonnet-4-5-20250929-v1:0", SIMPLE_BEDROCK));

        assertThat(opus.path("anthropic_beta")).hasToString("[\"interleaved-thinking-2025-05-14\",\"effort-2025-11-24\"]");
        assertThat(opus.path("output_config")).hasToString("{\"effort\":\"medium\"}");
        assertThat(opus.has("context_management")).isFalse();
        assertThat(opus.path("thinking")).hasToString("{\"type\":\"enabled\",\"budget_tokens\":16000}");
        assertThat(sonnet.path("anthropic_beta"))
                .hasToString("[\"interleaved-thinking-2025-05-14\",\"context-management-2025-06-27\"]");
        assertThat(sonnet.has("context_management")).isTrue();
        assertThat(sonnet.has("output_config")).isFalse();
    }

    @Test
    void shouldKeepAdaptiveThinkingForModelsThatTakeIt() {
        JsonNode opus46 = body(adapt("us.anthropic.claude-opus-4-6-v1", SIMPLE_BEDROCK));

        assertThat(opus46.path("thinking")).hasToString("{\"type\":\"adaptive\"}");
        assertThat(opus46.path("anthropic_beta")).hasToString("[\"interleaved-thinking-2025-05-14\"]");
    }

    @Test
    void shouldTurnBudgetedThinkingAdaptiveForModelsThatOnlyTakeAdaptive() {
        String budgeted = "{\"model\":\"claude-opus-4-8\",\"max_tokens\":32000,\"messages\":[],"
                + "\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":10000},\"output_config\":{\"effort\":\"low\"}}";

        JsonNode body = body(adapt("us.anthropic.claude-opus-4-8", budgeted));

        assertThat(body.path("thinking")).hasToString("{\"type\":\"adaptive\"}");
        assertThat(body.path("output_config")).as("effort steers adaptive thinking").hasToString("{\"effort\":\"low\"}");
        assertThat(body.has("anthropic_beta")).isFalse();
    }

    @Test
    void shouldBudgetByEffortAndDisableThinkingBelowBedrocksMinimum() {
        assertThat(body(adapt("beddel", adaptive(10000, "max"))).path("thinking"))
                .hasToString("{\"type\":\"enabled\",\"budget_tokens\":9500}");
        assertThat(body(adapt("beddel", adaptive(10000, null))).path("thinking"))
                .hasToString("{\"type\":\"enabled\",\"budget_tokens\":8000}");
        assertThat(body(adapt("beddel", adaptive(4000, "low"))).path("thinking")).hasToString("{\"type\":\"disabled\"}");
        assertThatThrownBy(() -> adapt("beddel", "{\"model\":\"m\",\"messages\":[],\"thinking\":{\"type\":\"adaptive\"}}"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("max_tokens");
    }

    @Test
    void shouldSendHaikuRequestsToTheSmallFastModel() {
        ApiRequest adapted = adapt("anthropic.claude-sonnet-4-5-20250929-v1:0",
                "{\"model\":\"claude-3-5-Haiku-latest\",\"max_tokens\":10,\"messages\":[]}");

        assertThat(adapted.model()).isEqualTo(SMALL);
    }

    private static String adaptive(int maxTokens, String effort) {
        return "{\"model\":\"claude-sonnet-4-0\",\"max_tokens\":" + maxTokens + ",\"messages\":[],\"thinking\":{\"type\":"
                + "\"adaptive\"}" + (effort == null ? "" : ",\"output_config\":{\"effort\":\"" + effort + "\"}") + "}";
    }

    private static ApiRequest adapt(String model, String request) {
        ProviderSettings.Bedrock settings = new ProviderSettings.Bedrock("us-east-1", Optional.empty(), Optional.empty(),
                model, SMALL);
        return BedrockRequest.adapt(settings, MessagesRequest.parse(request.getBytes(StandardCharsets.UTF_8)), BETAS);
    }

    private static JsonNode body(ApiRequest adapted) {
        return BodyJson.treeOf(adapted.upstreamBody());
    }
}
