package dev.aigw.gateway.bedrock;

import java.util.List;
import java.util.Set;

/**
 * What a Claude model on Bedrock accepts where models differ: its kind of extended thinking and the beta flags only
 * it takes. Bedrock refuses a request with a flag or thinking shape the model does not know, so the gateway fits
 * each request to the model it goes to.
 *
 * @param thinking   the thinking shapes the model accepts
 * @param modelBetas beta flags only this model takes
 */
record ModelTraits(Thinking thinking, Set<String> modelBetas) {
    /** Interleaved thinking, which adaptive thinking includes; models that only think adaptively refuse the flag. */
    static final String INTERLEAVED_THINKING_BETA = "interleaved-thinking-2025-05-14";
    /** Beta flags Bedrock takes on any model that has the feature. */
    static final Set<String> COMMON_BETAS = Set.of("computer-use-2025-01-24", "token-efficient-tools-2025-02-19",
            INTERLEAVED_THINKING_BETA, "output-128k-2025-02-19", "dev-full-thinking-2025-05-14",
            "context-1m-2025-08-07", "tool-search-tool-2025-10-19", "tool-examples-2025-10-29");
    /** Enables {@code output_config} (effort); Opus 4.5 only. */
    static final String EFFORT_BETA = "effort-2025-11-24";
    /** Enables {@code context_management}; Sonnet 4.5 and Haiku 4.5 only. */
    static final String CONTEXT_MANAGEMENT_BETA = "context-management-2025-06-27";

    private static final ModelTraits OLDER = new ModelTraits(Thinking.BUDGET, Set.of());

    /** Extended thinking shapes: {@code enabled} with a token budget, {@code adaptive}, or either. */
    enum Thinking {
        /** Only {@code enabled} with {@code budget_tokens}. */
        BUDGET,
        /** Both shapes. */
        EITHER,
        /** Only {@code adaptive}; a budget is refused. */
        ADAPTIVE
    }

    /** A row of the table: model ids containing {@code family} have {@code traits}. */
    private record Row(String family, ModelTraits traits) {
    }

    private static final List<Row> TABLE = List.of(
            new Row("anthropic.claude-opus-4-8", new ModelTraits(Thinking.ADAPTIVE, Set.of())),
            new Row("anthropic.claude-opus-4-7", new ModelTraits(Thinking.ADAPTIVE, Set.of())),
            new Row("anthropic.claude-opus-4-6", new ModelTraits(Thinking.EITHER, Set.of())),
            new Row("anthropic.claude-sonnet-4-6", new ModelTraits(Thinking.EITHER, Set.of())),
            new Row("anthropic.claude-opus-4-5", new ModelTraits(Thinking.BUDGET, Set.of(EFFORT_BETA))),
            new Row("anthropic.claude-sonnet-4-5", new ModelTraits(Thinking.BUDGET, Set.of(CONTEXT_MANAGEMENT_BETA))),
            new Row("anthropic.claude-haiku-4-5", new ModelTraits(Thinking.BUDGET, Set.of(CONTEXT_MANAGEMENT_BETA))));

    /**
     * The traits of a Bedrock model id, inference profile ({@code us.anthropic.…}) or ARN naming one; a model not in
     * the table is taken to be an older one, which knows only budgeted thinking and the common flags.
     */
    static ModelTraits of(String modelId) {
        return TABLE.stream().filter(row -> modelId.contains(row.family())).map(Row::traits).findFirst().orElse(OLDER);
    }

    /** Whether Bedrock takes {@code flag} for this model. */
    boolean takes(String flag) {
        if (thinking == Thinking.ADAPTIVE && flag.equals(INTERLEAVED_THINKING_BETA)) {
            return false;
        }
        return COMMON_BETAS.contains(flag) || modelBetas.contains(flag);
    }
}
