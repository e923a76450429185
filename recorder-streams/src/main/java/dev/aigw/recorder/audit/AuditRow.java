package dev.aigw.recorder.audit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A row of the audit store with absolute values, as the topology computes it; writing the same row twice leaves the
 * store as writing it once. Rows with the same {@link #key()} are versions of one row, the later one wins.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AuditRow.Interception.class, name = "interception"),
    @JsonSubTypes.Type(value = AuditRow.Prompt.class, name = "prompt"),
    @JsonSubTypes.Type(value = AuditRow.TokenCount.class, name = "token_usage"),
    @JsonSubTypes.Type(value = AuditRow.ToolCall.class, name = "tool_usage"),
    @JsonSubTypes.Type(value = AuditRow.Thought.class, name = "model_thought"),
    @JsonSubTypes.Type(value = AuditRow.Session.class, name = "session"),
    @JsonSubTypes.Type(value = AuditRow.Usage.class, name = "usage"),
    @JsonSubTypes.Type(value = AuditRow.FilterValue.class, name = "filter_value"),
    @JsonSubTypes.Type(value = AuditRow.ChainLink.class, name = "chain_link")})
public sealed interface AuditRow {
    /** Identity of the row: the Kafka key of its versions, so they stay in order on one partition. */
    String key();

    /** When the row expires, or null for never. */
    Instant expiresAt();

    /**
     * An interception's summary. Before its start event only the by-id row can be written, since listings need the
     * initiator.
     *
     * @param sessionId see {@link InterceptionState#sessionId()}
     * @param prompt    its last prompt, or null
     * @param truncated see {@link InterceptionState#truncated()}
     */
    record Interception(String id, Instant startedAt, InterceptionState.Start start, InterceptionState.End end,
                        String status, String sessionId, Tokens tokens, int toolCalls, String prompt,
                        Instant lastEventAt, Instant expiresAt, Map<String, String> truncated) implements AuditRow {
        /** The summary row of {@code state}. */
        public static Interception of(InterceptionState state, Instant expiresAt) {
            return new Interception(state.id(), state.startedAt(), state.start(), state.end(), state.status(),
                    state.sessionId(), state.tokens(), state.toolCalls(),
                    state.prompt() == null ? null : state.prompt().text(), state.lastEventAt(), expiresAt,
                    state.truncated());
        }

        @Override
        public String key() {
            return RowKeys.of("interception", id);
        }
    }

    /**
     * A prompt of an interception.
     *
     * @param truncated its event's cut fields ({@link RecordBounds#marks}), or null when it was whole
     */
    record Prompt(String interceptionId, int seq, String eventId, String providerResponseId, String prompt,
                  Instant createdAt, Instant expiresAt, Map<String, String> truncated) implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("prompt", interceptionId, Integer.toString(seq));
        }
    }

    /** Tokens of one provider response. */
    record TokenCount(String interceptionId, int seq, String eventId, String providerResponseId, String providerModel,
                      Tokens tokens, Map<String, Long> extra, Instant createdAt, Instant expiresAt) implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("token_usage", interceptionId, Integer.toString(seq));
        }
    }

    /**
     * A tool call made by the model.
     *
     * @param truncated its event's cut fields, or null when it was whole
     */
    record ToolCall(String interceptionId, int seq, String eventId, String providerResponseId, String toolCallId,
                    String itemId, String tool, String input, String serverUrl, boolean injected, String invocationError,
                    Instant createdAt, Instant expiresAt, Map<String, String> truncated) implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("tool_usage", interceptionId, Integer.toString(seq));
        }
    }

    /**
     * Model reasoning.
     *
     * @param truncated its event's cut fields, or null when it was whole
     */
    record Thought(String interceptionId, int seq, String eventId, String providerResponseId, String content,
                   String source, Instant createdAt, Instant expiresAt, Map<String, String> truncated) implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("model_thought", interceptionId, Integer.toString(seq));
        }
    }

    /** A session's summary. */
    record Session(SessionState session, Instant expiresAt) implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("session", session.sessionId(), session.initiatorId());
        }
    }

    /** A usage rollup. */
    record Usage(UsageState usage, Instant expiresAt) implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("usage", usage.day().toString(), usage.initiatorId(), usage.providerName(), usage.model());
        }
    }

    /**
     * A value seen in a filterable column on a day, for filter menus.
     *
     * @param kind        {@code provider}, {@code provider_name}, {@code model} or {@code client}
     * @param initiatorId the person it was seen for, or null for the row every caller may read
     */
    record FilterValue(String kind, String value, String initiatorId, LocalDate day, Instant expiresAt)
            implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("filter_value", kind, value, initiatorId, day.toString());
        }
    }

    /**
     * A closed interception's link in its session's audit chain (docs/audit-semantics.md, "Tamper evidence"); digests
     * and the link are hex.
     *
     * @param previousId        the interception before it in the chain, or null for the first
     * @param previousStartedAt that interception's start, so a verifier can tell a predecessor that expired from one
     *                          that was removed; null for the first
     * @param previousDigest    that interception's digest, or null for the first
     * @param keyId             {@link dev.aigw.servicekit.chain.SigningKey#id()} of the key that signed it
     */
    record ChainLink(String sessionId, String initiatorId, Instant startedAt, String interceptionId, String digest,
                     String previousId, Instant previousStartedAt, String previousDigest, String link, String keyId,
                     Instant expiresAt)
            implements AuditRow {
        @Override
        public String key() {
            return RowKeys.of("chain_link", sessionId, initiatorId, interceptionId);
        }
    }

    /** The detail row an event stands for, if any: start and end events only change the summary. */
    static Optional<AuditRow> detail(InterceptionEvent e, Instant expiresAt) {
        String id = e.getInterceptionId();
        int seq = e.getSeq();
        Instant at = e.getOccurredAt();
        Map<String, String> marks = RecordBounds.merge(RecordBounds.marks(e));
        return Optional.ofNullable(switch (Payload.of(e)) {
            case Payload.Prompt(PromptUsage p) ->
                    new Prompt(id, seq, e.getEventId(), p.getProviderResponseId(), p.getPrompt(), at, expiresAt, marks);
            case Payload.Tokens(TokenUsage t) ->
                    new TokenCount(id, seq, e.getEventId(), t.getProviderResponseId(), t.getProviderModel(),
                            new Tokens(t.getInputTokens(), t.getOutputTokens(), t.getCacheReadInputTokens(),
                                    t.getCacheWriteInputTokens(), t.getReasoningTokens()), Map.copyOf(t.getExtra()), at,
                            expiresAt);
            case Payload.Tool(ToolUsage t) ->
                    new ToolCall(id, seq, e.getEventId(), t.getProviderResponseId(), t.getToolCallId(), t.getItemId(),
                            t.getTool(), t.getInput(), t.getServerUrl(), t.getInjected(), t.getInvocationError(), at,
                            expiresAt, marks);
            case Payload.Thought(ModelThought m) ->
                    new Thought(id, seq, e.getEventId(), m.getProviderResponseId(), m.getContent(),
                            m.getSource().name().toLowerCase(Locale.ROOT), at, expiresAt, marks);
            case Payload.Started _, Payload.Ended _ -> null;
        });
    }

    /** The filter values of an interception, for everyone and for its initiator, on the day it started. */
    static List<AuditRow> filterValues(InterceptionState state, Retention retention) {
        InterceptionState.Start s = state.start();
        LocalDate day = LocalDate.ofInstant(state.startedAt(), ZoneOffset.UTC);
        Instant expiresAt = retention.expiresAt(day);
        List<AuditRow> rows = new ArrayList<>();
        for (String initiator : new String[] {null, s.initiatorId()}) {
            rows.add(new FilterValue("provider", s.provider(), initiator, day, expiresAt));
            rows.add(new FilterValue("provider_name", s.providerName(), initiator, day, expiresAt));
            rows.add(new FilterValue("model", s.model(), initiator, day, expiresAt));
            rows.add(new FilterValue("client", s.client(), initiator, day, expiresAt));
        }
        return rows;
    }
}
