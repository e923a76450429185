package dev.aigw.systemtests.audit;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One interception of the test data, and the events a gateway emits for it: start, prompt, thought, tool calls, token
 * usage, end (one second after the start).
 *
 * @param session     client session id, or null
 * @param correlating the tool call this interception answers, or null
 * @param toolCalls   ids of the tool calls the model makes
 * @param prompt      the person's prompt, or null (a tool result turn)
 * @param error       the end's error message, or null when it completed
 */
record Call(UUID id, Instant startedAt, String initiator, String provider, String providerName, String model,
            String client, String session, String correlating, List<String> toolCalls, String prompt, String thought,
            long input, long output, String error) {

    /** The events, in the order a gateway emits them. */
    List<InterceptionEvent> events() {
        List<Object> payloads = new ArrayList<>();
        payloads.add(InterceptionStarted.newBuilder().setInitiatorId(initiator).setInitiatorUsername(initiator)
                .setApiKeyId("key-" + initiator).setProvider(provider).setProviderName(providerName).setModel(model)
                .setRoute("/v1/messages").setStreaming(false).setClient(client).setUserAgent("test/1")
                .setClientSessionId(session).setCorrelatingToolCallId(correlating)
                .setCredentialKind(CredentialKind.CENTRALIZED).setCredentialHint("sk-a...6789")
                .setMetadata(Map.of("request_user_agent", "test/1")).build());
        if (prompt != null) {
            payloads.add(PromptUsage.newBuilder().setProviderResponseId("msg-" + id).setPrompt(prompt).build());
        }
        if (thought != null) {
            payloads.add(ModelThought.newBuilder().setProviderResponseId("msg-" + id).setContent(thought)
                    .setSource(ThoughtSource.THINKING).build());
        }
        for (String call : toolCalls) {
            payloads.add(ToolUsage.newBuilder().setProviderResponseId("msg-" + id).setToolCallId(call).setItemId("item-" + call)
                    .setTool("Read")
                    .setInput("{\"path\":\"README.md\"}").build());
        }
        payloads.add(TokenUsage.newBuilder().setProviderResponseId("msg-" + id).setProviderModel(model)
                .setInputTokens(input).setOutputTokens(output).setCacheReadInputTokens(0).setCacheWriteInputTokens(0)
                .setReasoningTokens(0).setExtra(Map.of()).build());
        payloads.add(InterceptionEnded.newBuilder()
                .setStatus(error == null ? InterceptionStatus.COMPLETED : InterceptionStatus.FAILED)
                .setUpstreamStatus(error == null ? 200 : 500)
                .setErrorType(error == null ? null : "upstream_error").setErrorMessage(error).build());
        List<InterceptionEvent> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            boolean last = seq == payloads.size() - 1;
            events.add(InterceptionEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                    .setInterceptionId(id.toString()).setSeq(seq)
                    .setOccurredAt(last ? startedAt.plusSeconds(1) : startedAt.plusMillis(seq))
                    .setInterceptionStartedAt(startedAt).setGatewayNode("gw-test").setPayload(payloads.get(seq)).build());
        }
        return events;
    }

    /** The session the recorder files it under: the client's session id, or its own id. */
    String sessionId() {
        return session != null ? session : id.toString();
    }
}
