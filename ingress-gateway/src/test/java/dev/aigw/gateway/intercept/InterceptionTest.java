package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.Truncation;
import dev.aigw.gateway.logging.InterceptionLog;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.schemas.bounds.AuditBounds;
import dev.aigw.testkit.logs.LogCapture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class InterceptionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    private final List<InterceptionEvent> emitted = new ArrayList<>();
    private final EventSink capture = new EventSink() {
        @Override
        public void emit(InterceptionEvent event) {
            emitted.add(event);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void shouldBoundEveryEventAndMarkItsCutsWhenAClientSendsAHugeModelAndPrompt() {
        String model = "m".repeat(70_000);
        String prompt = "p".repeat(1_500_000);
        Interception interception = Interception.begin("node-1", capture, CLOCK);

        interception.record(new Payload.Started(started(model)));
        interception.record(new Payload.Prompt(new PromptUsage(null, prompt)));

        assertThat(emitted).hasSize(2);
        assertThat(((InterceptionStarted) emitted.get(0).getPayload()).getModel()).hasSize(AuditBounds.IDENTIFIER_BYTES);
        assertThat(emitted.get(0).getTruncated()).containsExactly(new Truncation("model", 70_000L, AuditBounds.sha256(model)));
        assertThat(((PromptUsage) emitted.get(1).getPayload()).getPrompt()).hasSize(AuditBounds.TEXT_BYTES);
        assertThat(emitted.get(1).getTruncated())
                .containsExactly(new Truncation("prompt", 1_500_000L, AuditBounds.sha256(prompt)));
    }

    @Test
    void shouldLeaveAnEventWithinItsBoundsWhole() {
        Interception interception = Interception.begin("node-1", capture, CLOCK);

        interception.record(new Payload.Started(started("claude-sonnet-4")));

        assertThat(((InterceptionStarted) emitted.getFirst().getPayload()).getModel()).isEqualTo("claude-sonnet-4");
        assertThat(emitted.getFirst().getTruncated()).isEmpty();
    }

    @Test
    void shouldLogTheBoundedEventNotTheClientsText() {
        try (LogCapture log = LogCapture.of(InterceptionLog.class)) {
            Interception interception = Interception.begin("node-1", InterceptionLog.around(capture), CLOCK);

            interception.record(new Payload.Prompt(new PromptUsage(null, "p".repeat(1_500_000))));

            LogRecord line = log.records().getFirst();
            assertThat(line.getParameters()[0].toString().length()).isBetween(AuditBounds.TEXT_BYTES, 2 * AuditBounds.TEXT_BYTES);
        }
    }

    private static InterceptionStarted started(String model) {
        return InterceptionStarted.newBuilder().setInitiatorId("u").setProvider("anthropic").setProviderName("anthropic")
                .setModel(model).setRoute("/v1/messages").setCredentialKind(CredentialKind.CENTRALIZED).build();
    }
}
