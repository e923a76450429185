package dev.aigw.siem.document;

import static dev.aigw.siem.document.Fields.*;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.events.v1.Truncation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One flat document per event: dotted field names ({@link Fields}) at the top level, nulls left out. Pure: the same
 * event always gives the same document, whatever arrived before it, so a replay or a shuffled topic gives the same
 * documents.
 */
public final class Documents {
    /** {@code event.dataset} of per-event documents. */
    public static final String EVENT_DATASET_EVENTS = "aigw.event";
    /** {@code event.dataset} of summaries. */
    public static final String EVENT_DATASET_SUMMARIES = "aigw.summary";

    private Documents() {
    }

    /** The document of {@code event}. */
    public static Map<String, Object> of(InterceptionEvent event) {
        Map<String, Object> doc = new LinkedHashMap<>();
        put(doc, TIMESTAMP, event.getOccurredAt().toString());
        put(doc, EVENT_ID, event.getEventId());
        put(doc, EVENT_KIND, "event");
        put(doc, EVENT_ACTION, Payload.of(event).recordType());
        put(doc, EVENT_DATASET, EVENT_DATASET_EVENTS);
        put(doc, EVENT_SEQUENCE, event.getSeq());
        put(doc, INTERCEPTION_ID, event.getInterceptionId());
        put(doc, INTERCEPTION_STARTED_AT, event.getInterceptionStartedAt().toString());
        put(doc, OBSERVER_NAME, event.getGatewayNode());
        switch (Payload.of(event)) {
            case Payload.Started(InterceptionStarted s) -> started(doc, s);
            case Payload.Ended(InterceptionEnded e) -> ended(doc, e);
            case Payload.Tokens(TokenUsage t) -> tokens(doc, t);
            case Payload.Prompt(PromptUsage p) -> {
                put(doc, RESPONSE_ID, p.getProviderResponseId());
                put(doc, PROMPT, p.getPrompt());
            }
            case Payload.Tool(ToolUsage t) -> tool(doc, t);
            case Payload.Thought(ModelThought m) -> {
                put(doc, RESPONSE_ID, m.getProviderResponseId());
                put(doc, THOUGHT, m.getContent());
                put(doc, THOUGHT_SOURCE, lower(m.getSource().name()));
            }
        }
        if (!event.getTruncated().isEmpty()) {
            put(doc, TRUNCATED, event.getTruncated().stream().map(Documents::truncation).toList());
        }
        return doc;
    }

    /** ECS's {@code event.outcome} for an interception status. */
    static String outcome(InterceptionStatus status) {
        return switch (status) {
            case COMPLETED -> "success";
            case FAILED, CANCELLED -> "failure";
            case UNKNOWN -> "unknown";
        };
    }

    /** Adds {@code value} under {@code name} unless it is null. */
    static void put(Map<String, Object> doc, String name, Object value) {
        if (value != null) {
            doc.put(name, value);
        }
    }

    static String time(Instant at) {
        return at.toString();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void started(Map<String, Object> doc, InterceptionStarted s) {
        put(doc, USER_ID, s.getInitiatorId());
        put(doc, USER_NAME, blankToNull(s.getInitiatorUsername()));
        put(doc, API_KEY_ID, s.getApiKeyId());
        put(doc, PROVIDER, s.getProvider());
        put(doc, PROVIDER_INSTANCE, s.getProviderName());
        put(doc, REQUEST_MODEL, s.getModel());
        put(doc, URL_PATH, s.getRoute());
        put(doc, STREAMING, s.getStreaming());
        put(doc, CLIENT, s.getClient());
        put(doc, USER_AGENT, blankToNull(s.getUserAgent()));
        put(doc, SESSION_ID, s.getClientSessionId());
        put(doc, CORRELATING_TOOL_CALL_ID, s.getCorrelatingToolCallId());
        put(doc, CREDENTIAL_KIND, s.getCredentialKind().name());
        put(doc, CREDENTIAL_HINT, blankToNull(s.getCredentialHint()));
        if (!s.getMetadata().isEmpty()) {
            put(doc, LABELS, new TreeMap<>(s.getMetadata()));
        }
    }

    private static void ended(Map<String, Object> doc, InterceptionEnded e) {
        put(doc, EVENT_OUTCOME, outcome(e.getStatus()));
        put(doc, STATUS, lower(e.getStatus().name()));
        put(doc, HTTP_STATUS, e.getUpstreamStatus());
        put(doc, ERROR_TYPE, e.getErrorType());
        put(doc, ERROR_MESSAGE, e.getErrorMessage());
    }

    private static void tokens(Map<String, Object> doc, TokenUsage t) {
        put(doc, RESPONSE_ID, t.getProviderResponseId());
        put(doc, RESPONSE_MODEL, t.getProviderModel());
        put(doc, INPUT_TOKENS, t.getInputTokens() + t.getCacheReadInputTokens() + t.getCacheWriteInputTokens());
        put(doc, OUTPUT_TOKENS, t.getOutputTokens());
        put(doc, CACHE_READ_TOKENS, t.getCacheReadInputTokens());
        put(doc, CACHE_WRITE_TOKENS, t.getCacheWriteInputTokens());
        put(doc, UNCACHED_INPUT_TOKENS, t.getInputTokens());
        put(doc, REASONING_TOKENS, t.getReasoningTokens());
        new TreeMap<>(t.getExtra()).forEach((name, count) -> put(doc, EXTRA_TOKENS_PREFIX + name, count));
    }

    private static void tool(Map<String, Object> doc, ToolUsage t) {
        put(doc, RESPONSE_ID, t.getProviderResponseId());
        put(doc, TOOL_NAME, t.getTool());
        put(doc, TOOL_CALL_ID, blankToNull(t.getToolCallId()));
        put(doc, TOOL_ITEM_ID, t.getItemId());
        put(doc, TOOL_ARGUMENTS, t.getInput());
        put(doc, TOOL_SERVER_URL, t.getServerUrl());
        put(doc, TOOL_INJECTED, t.getInjected());
        put(doc, TOOL_ERROR, t.getInvocationError());
    }

    private static Map<String, Object> truncation(Truncation t) {
        Map<String, Object> cut = new LinkedHashMap<>();
        cut.put("field", t.getField());
        cut.put("original_length", t.getOriginalLength());
        if (!t.getSha256().isEmpty()) {
            cut.put("sha256", t.getSha256());
        }
        return cut;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
