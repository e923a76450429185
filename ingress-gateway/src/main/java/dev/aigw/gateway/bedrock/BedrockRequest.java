package dev.aigw.gateway.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.control.ProviderSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An Anthropic Messages request made into one Bedrock takes: the configured model in place of the Anthropic one,
 * {@code anthropic_version} for Bedrock, the beta flags the model takes moved from the header into the body, fields
 * Bedrock refuses removed and the thinking shape fitted to the model. Bedrock answers 400 to anything else.
 */
final class BedrockRequest {
    /** The only {@code anthropic_version} Bedrock takes. */
    static final String ANTHROPIC_VERSION = "bedrock-2023-05-31";
    // In the Anthropic API but not in Bedrock's request schema ("Extra inputs are not permitted").
    private static final List<String> UNSUPPORTED = List.of("metadata", "service_tier", "container", "inference_geo");
    private static final int MIN_THINKING_BUDGET = 1024;

    private BedrockRequest() {
    }

    /**
     * The request as Bedrock gets it: its model is the Bedrock model (the small fast one when the client asked for a
     * haiku model) and its body what Bedrock is sent; prompt and tool call id stay the client's.
     *
     * @param betaHeaders the client's {@code Anthropic-Beta} header lines, each possibly a comma-separated list
     */
    static ApiRequest adapt(ProviderSettings.Bedrock settings, ApiRequest parsed, List<String> betaHeaders) {
        String modelId = parsed.model().toLowerCase(Locale.ROOT).contains("haiku") ? settings.smallFastModel()
                : settings.model();
        ModelTraits traits = ModelTraits.of(modelId);
        List<String> betas = betaHeaders.stream().flatMap(line -> Arrays.stream(line.split(",")))
                .map(String::strip).filter(traits::takes).distinct().toList();
        ObjectNode body = (ObjectNode) BodyJson.treeOf(parsed.upstreamBody());
        fitThinking(body, traits.thinking());
        UNSUPPORTED.forEach(body::remove);
        // Effort is how an adaptive-only model is steered, so it stays there without the Opus 4.5 flag.
        if (!betas.contains(ModelTraits.EFFORT_BETA) && traits.thinking() != ModelTraits.Thinking.ADAPTIVE) {
            body.remove("output_config");
        }
        if (!betas.contains(ModelTraits.CONTEXT_MANAGEMENT_BETA)) {
            body.remove("context_management");
        }
        // The model goes in the path and streaming is chosen by the operation.
        body.remove(List.of("model", "stream"));
        body.put("anthropic_version", ANTHROPIC_VERSION);
        body.remove("anthropic_beta");
        if (!betas.isEmpty()) {
            ArrayNode flags = body.putArray("anthropic_beta");
            betas.forEach(flags::add);
        }
        return new ApiRequest(modelId, parsed.stream(), false, parsed.prompt(), parsed.correlatingToolCallId(),
                BodyJson.bytes(body));
    }

    private static void fitThinking(ObjectNode body, ModelTraits.Thinking accepted) {
        String type = body.path("thinking").path("type").asText("");
        if (type.equals("adaptive") && accepted == ModelTraits.Thinking.BUDGET) {
            body.set("thinking", budgeted(body));
        } else if (type.equals("enabled") && accepted == ModelTraits.Thinking.ADAPTIVE) {
            body.set("thinking", BodyJson.emptyObject().put("type", "adaptive"));
        }
    }

    // The share of max_tokens each effort may think, as the reference converts it (high is the default effort).
    private static JsonNode budgeted(ObjectNode body) {
        long maxTokens = body.path("max_tokens").asLong(0);
        if (maxTokens <= 0) {
            throw new BadRequestException("max_tokens: field required and must be a positive integer");
        }
        double share = switch (body.path("output_config").path("effort").asText("high")) {
            case "low" -> 0.2;
            case "medium" -> 0.5;
            case "max" -> 0.95;
            default -> 0.8;
        };
        long budget = (long) (maxTokens * share);
        // Raising a budget below Bedrock's minimum would starve the answer, so such a request does not think.
        return budget < MIN_THINKING_BUDGET ? BodyJson.emptyObject().put("type", "disabled")
                : BodyJson.emptyObject().put("type", "enabled").put("budget_tokens", budget);
    }
}
