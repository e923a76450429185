package dev.aigw.query.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aigw.query.store.Details;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.Truncation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One interception as the reference lists it, plus the gateway's own fields (provider instance, route, user agent,
 * session, status, upstream status, timing, error, credential, gateway node). {@code model_thoughts} is only in the
 * detail view. {@code truncated}, on the interception and on each detail record, lists the fields kept cut to their
 * bounds, and is left out when nothing was cut.
 */
public record InterceptionView(UUID id, String apiKeyId, InitiatorView initiator, String provider, String providerName,
                               String model, String route, boolean streaming, String client, String userAgent,
                               String sessionId, String clientSessionId, Map<String, String> metadata,
                               Instant startedAt, Instant endedAt, Instant lastEventAt, Long durationMs, String status,
                               Integer upstreamStatus, String errorType, String errorMessage, String credentialKind,
                               String credentialHint, String gatewayNode, List<TokenUsage> tokenUsages,
                               List<Prompt> userPrompts, List<ToolUsage> toolUsages,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<Thought> modelThoughts,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Truncation> truncated) {

    /** The view of a row and its details; thoughts are shown only {@code withThoughts}. */
    public static InterceptionView of(InterceptionRow r, Details d, boolean withThoughts) {
        return new InterceptionView(r.id(), r.apiKeyId(), InitiatorView.of(r.initiatorId(), r.initiatorUsername()),
                r.provider(), r.providerName(), r.model(), r.route(), r.streaming(), r.client(), r.userAgent(),
                r.sessionId(), r.clientSessionId(), r.metadata(), r.startedAt(), r.endedAt(), r.lastEventAt(),
                r.durationMs(), r.status(), r.upstreamStatus(), r.errorType(), r.errorMessage(), r.credentialKind(),
                r.credentialHint(), r.gatewayNode(), d.tokenUsages().stream().map(TokenUsage::of).toList(),
                d.prompts().stream().map(Prompt::of).toList(), d.toolCalls().stream().map(ToolUsage::of).toList(),
                withThoughts ? d.thoughts().stream().map(Thought::of).toList() : null, r.truncated());
    }

    /** One token count; {@code metadata} holds the provider's extra token types. */
    public record TokenUsage(UUID id, UUID interceptionId, String providerResponseId, String providerModel,
                             long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                             long reasoningTokens, Map<String, Long> metadata, Instant createdAt) {
        static TokenUsage of(Details.TokenUsage t) {
            return new TokenUsage(t.id(), t.interceptionId(), t.providerResponseId(), t.providerModel(),
                    t.tokens().input(), t.tokens().output(), t.tokens().cacheRead(), t.tokens().cacheWrite(),
                    t.tokens().reasoning(), t.extra(), t.createdAt());
        }
    }

    /** The person's prompt. */
    public record Prompt(UUID id, UUID interceptionId, String providerResponseId, String prompt,
                         Map<String, String> metadata, Instant createdAt,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Truncation> truncated) {
        static Prompt of(Details.Prompt p) {
            return new Prompt(p.id(), p.interceptionId(), p.providerResponseId(), p.prompt(), Map.of(), p.createdAt(),
                    p.truncated());
        }
    }

    /** A tool call of the model; {@code item_id} is the output item that carried it (OpenAI Responses), if any. */
    public record ToolUsage(UUID id, UUID interceptionId, String providerResponseId, String toolCallId, String itemId,
                            String serverUrl, String tool, String input, boolean injected, String invocationError,
                            Map<String, String> metadata, Instant createdAt,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Truncation> truncated) {
        static ToolUsage of(Details.ToolCall t) {
            return new ToolUsage(t.id(), t.interceptionId(), t.providerResponseId(), t.toolCallId(), t.itemId(),
                    t.serverUrl(), t.tool(), t.input(), t.injected(), t.invocationError(), Map.of(), t.createdAt(),
                    t.truncated());
        }
    }

    /** A thought of the model; {@code metadata.source} says where it came from. */
    public record Thought(UUID id, UUID interceptionId, String providerResponseId, String content,
                          Map<String, String> metadata, Instant createdAt,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Truncation> truncated) {
        static Thought of(Details.Thought t) {
            return new Thought(t.id(), t.interceptionId(), t.providerResponseId(), t.content(),
                    t.source() == null ? Map.of() : Map.of("source", t.source()), t.createdAt(), t.truncated());
        }
    }
}
