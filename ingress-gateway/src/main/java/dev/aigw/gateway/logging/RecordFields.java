package dev.aigw.gateway.logging;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.servicekit.logging.LogFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of an event's {@code "interception log"} line: the reference's fields for its {@code record_type}, plus
 * what our events add (provider instance, credential kind and masked hint, outcome, reasoning tokens). An absent
 * optional text is logged empty, as the reference does.
 */
final class RecordFields {
    private RecordFields() {
    }

    static LogFields of(InterceptionEvent event) {
        String id = event.getInterceptionId();
        String at = event.getOccurredAt().toString();
        Payload payload = Payload.of(event);
        String type = payload.recordType();
        return switch (payload) {
            case Payload.Started(InterceptionStarted s) -> started(LogFields.of("record_type", type), id, event, s);
            case Payload.Ended(InterceptionEnded e) -> LogFields.of("record_type", type)
                    .and("interception_id", id)
                    .and("ended_at", at)
                    .and("status", lower(e.getStatus()))
                    .and("upstream_status", e.getUpstreamStatus())
                    .and("error_type", text(e.getErrorType()))
                    .and("error_message", text(e.getErrorMessage()));
            case Payload.Tokens(TokenUsage t) -> LogFields.of("record_type", type)
                    .and("interception_id", id)
                    .and("msg_id", text(t.getProviderResponseId()))
                    .and("provider_model", text(t.getProviderModel()))
                    .and("input_tokens", t.getInputTokens())
                    .and("output_tokens", t.getOutputTokens())
                    .and("cache_read_input_tokens", t.getCacheReadInputTokens())
                    .and("cache_write_input_tokens", t.getCacheWriteInputTokens())
                    .and("reasoning_tokens", t.getReasoningTokens())
                    .and("created_at", at)
                    .and("metadata", t.getExtra());
            case Payload.Prompt(PromptUsage p) -> LogFields.of("record_type", type)
                    .and("interception_id", id)
                    .and("msg_id", text(p.getProviderResponseId()))
                    .and("prompt", p.getPrompt())
                    .and("created_at", at)
                    .and("metadata", Map.of());
            case Payload.Tool(ToolUsage t) -> LogFields.of("record_type", type)
                    .and("interception_id", id)
                    .and("msg_id", text(t.getProviderResponseId()))
                    .and("tool_call_id", t.getToolCallId())
                    .and("item_id", text(t.getItemId()))
                    .and("tool", t.getTool())
                    .and("input", t.getInput())
                    .and("server_url", text(t.getServerUrl()))
                    .and("injected", t.getInjected())
                    .and("invocation_error", text(t.getInvocationError()))
                    .and("created_at", at)
                    .and("metadata", Map.of());
            case Payload.Thought(ModelThought m) -> LogFields.of("record_type", type)
                    .and("interception_id", id)
                    .and("content", m.getContent())
                    .and("created_at", at)
                    .and("metadata", Map.of("source", lower(m.getSource())));
        };
    }

    private static LogFields started(LogFields type, String id, InterceptionEvent event, InterceptionStarted s) {
        Map<String, String> metadata = new LinkedHashMap<>(s.getMetadata());
        metadata.put("request_user_agent", s.getUserAgent());
        return type
                .and("interception_id", id)
                .and("initiator_id", s.getInitiatorId())
                .and("api_key_id", text(s.getApiKeyId()))
                .and("provider", s.getProvider())
                .and("provider_name", s.getProviderName())
                .and("model", s.getModel())
                .and("client", s.getClient())
                .and("client_session_id", text(s.getClientSessionId()))
                .and("started_at", event.getInterceptionStartedAt().toString())
                .and("metadata", metadata)
                .and("correlating_tool_call_id", text(s.getCorrelatingToolCallId()))
                .and("credential_kind", lower(s.getCredentialKind()))
                .and("credential_hint", s.getCredentialHint());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
