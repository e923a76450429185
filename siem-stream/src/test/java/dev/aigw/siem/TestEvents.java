package dev.aigw.siem;

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
import dev.aigw.control.Hints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Interceptions as the gateway records them: a start (with the upstream key only as its masked hint, as the gateway
 * writes it), a prompt, two tool calls, two token usages, a thought and an end, seqs 0..7.
 */
public final class TestEvents {
    /** A provider key of the shape Anthropic issues; only its hint may ever appear in a document. */
    public static final String PROVIDER_KEY = "sk-ant-api03-" + "Zq8vT1xN4mR7pL2kW9sD3fG6hJ0cB5yA-aBcDeFgHiJkLmNoP";

    private TestEvents() {
    }

    /** The events of one interception started at {@code startedAt} by {@code user}, in seq order. */
    public static List<InterceptionEvent> interception(String user, Instant startedAt) {
        String id = UUID.randomUUID().toString();
        List<Object> payloads = List.of(
                InterceptionStarted.newBuilder()
                        .setInitiatorId(user).setInitiatorUsername(user + "-name").setApiKeyId("key-" + user)
                        .setProvider("anthropic").setProviderName("anthropic-prod").setModel("claude-sonnet-4-5")
                        .setRoute("/v1/messages").setStreaming(true).setClient("Claude Code")
                        .setUserAgent("claude-cli/2.0.14 (external, cli)").setClientSessionId("session-" + user)
                        .setCorrelatingToolCallId(null).setCredentialKind(CredentialKind.CENTRALIZED)
                        .setCredentialHint(Hints.mask(PROVIDER_KEY)).setMetadata(Map.of("team", "payments"))
                        .build(),
                new PromptUsage("msg_01", "list the files in this repository"),
                new ToolUsage("msg_01", "toolu_01", null, "Bash", "{\"command\":\"ls -la\"}", null, false, null),
                new TokenUsage("msg_01", "claude-sonnet-4-5-20250929", 1200L, 85L, 3000L, 0L, 0L, Map.of()),
                new ModelThought("msg_02", "The user wants a listing; ls is enough.", ThoughtSource.THINKING),
                new ToolUsage("msg_02", "toolu_02", null, "Read", "{\"path\":\"README.md\"}", null, false, null),
                new TokenUsage("msg_02", "claude-sonnet-4-5-20250929", 40L, 310L, 4200L, 150L, 64L, Map.of()),
                new InterceptionEnded(InterceptionStatus.COMPLETED, 200, null, null));
        List<InterceptionEvent> events = new ArrayList<>();
        for (int seq = 0; seq < payloads.size(); seq++) {
            events.add(InterceptionEvent.newBuilder()
                    .setEventId(UUID.randomUUID().toString())
                    .setInterceptionId(id)
                    .setSeq(seq)
                    .setOccurredAt(startedAt.plus(Duration.ofMillis(250L * seq)))
                    .setInterceptionStartedAt(startedAt)
                    .setGatewayNode("gateway-1")
                    .setPayload(payloads.get(seq))
                    .build());
        }
        return events;
    }
}
