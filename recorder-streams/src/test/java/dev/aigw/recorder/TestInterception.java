package dev.aigw.recorder;

import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Events of one interception as a gateway would emit them. Event ids derive from the interception id and seq, so
 * building an event again gives the same event, as a gateway retry or spool replay would.
 *
 * @param session client session id, or null
 */
public record TestInterception(String id, Instant startedAt, String initiator, String providerName, String model,
                               String session) {

    /** A fresh interception of {@code initiator} with Anthropic's claude-sonnet-4-0 in session {@code session}. */
    public static TestInterception of(Instant startedAt, String initiator, String session) {
        return new TestInterception(UUID.randomUUID().toString(), startedAt, initiator, "anthropic", "claude-sonnet-4-0",
                session);
    }

    /** The same interception with another model. */
    public TestInterception withModel(String other) {
        return new TestInterception(id, startedAt, initiator, providerName, other, session);
    }

    public InterceptionEvent started(int seq) {
        return event(seq, InterceptionStarted.newBuilder()
                .setInitiatorId(initiator).setInitiatorUsername(initiator + "-name").setApiKeyId("key-" + initiator)
                .setProvider("anthropic").setProviderName(providerName).setModel(model).setRoute("/v1/messages")
                .setStreaming(true).setClient("Claude Code").setUserAgent("claude-cli/2.0.67").setClientSessionId(session)
                .setCredentialKind(CredentialKind.CENTRALIZED).setCredentialHint("sk-a...6789")
                .setMetadata(Map.of("request_user_agent", "claude-cli/2.0.67")).build());
    }

    public InterceptionEvent prompt(int seq, String text) {
        return event(seq, PromptUsage.newBuilder().setPrompt(text).build());
    }

    public InterceptionEvent tokens(int seq, long input, long output, long cacheRead, long cacheWrite, long reasoning) {
        return event(seq, TokenUsage.newBuilder().setProviderResponseId("msg_" + seq).setProviderModel(model)
                .setInputTokens(input).setOutputTokens(output).setCacheReadInputTokens(cacheRead)
                .setCacheWriteInputTokens(cacheWrite).setReasoningTokens(reasoning)
                .setExtra(Map.of("web_search_requests", 1L)).build());
    }

    public InterceptionEvent tool(int seq, String name) {
        return event(seq, ToolUsage.newBuilder().setProviderResponseId("msg_1").setToolCallId("toolu_" + seq)
                .setTool(name).setInput("{\"path\":\"README.md\"}").build());
    }

    public InterceptionEvent thought(int seq, String text) {
        return event(seq, ModelThought.newBuilder().setContent(text).setSource(ThoughtSource.THINKING).build());
    }

    public InterceptionEvent ended(int seq, InterceptionStatus status) {
        return event(seq, InterceptionEnded.newBuilder().setStatus(status)
                .setUpstreamStatus(status == InterceptionStatus.COMPLETED ? 200 : 500)
                .setErrorType(status == InterceptionStatus.COMPLETED ? null : "upstream_error").build());
    }

    /** When the event with {@code seq} occurred: one second per step after the start. */
    public Instant at(int seq) {
        return startedAt.plusSeconds(seq);
    }

    private InterceptionEvent event(int seq, Object payload) {
        return InterceptionEvent.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes((id + "/" + seq).getBytes(StandardCharsets.UTF_8)).toString())
                .setInterceptionId(id).setSeq(seq).setOccurredAt(at(seq)).setInterceptionStartedAt(startedAt)
                .setGatewayNode("gw-1").setPayload(payload).build();
    }
}
