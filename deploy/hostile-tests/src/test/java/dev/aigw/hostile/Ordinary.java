package dev.aigw.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.recorder.kafka.DeadLetters;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Ordinary requests, and where an interception ends up: readable in the query API, or in a dead letter. */
final class Ordinary {
    /** Generous: the audit shows an interception within seconds when it flows; a stall is forever. */
    static final Duration AUDIT_DEADLINE = Duration.ofSeconds(60);

    private Ordinary() {
    }

    /** An Anthropic message with {@code model} and {@code prompt}, sent with {@code key}. */
    static Answer message(int gatewayPort, String key, String model, String prompt) {
        try {
            ObjectNode body = (ObjectNode) Answer.json(Bodies.MESSAGES);
            body.put("model", model);
            ((ObjectNode) body.withArray("messages").get(0).withArray("content").get(0)).put("text", prompt);
            return Http.send(gatewayPort, "POST", "/api/v2/aibridge/" + HostileStack.ANTHROPIC + "/v1/messages",
                    Map.of("Authorization", "Bearer " + key), body.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The interception id the gateway answered with, if it began one. */
    static Optional<String> interceptionId(Answer answer) {
        return answer.header("X-AI-Gateway-Interception-Id");
    }

    /** The interception's detail from the query API (admin), waiting for it up to the deadline; null if it never shows. */
    static Answer awaitReadable(String interceptionId) {
        int port = HostileStack.running().query().port();
        try {
            return RealStack.await(AUDIT_DEADLINE, () -> {
                Answer detail = Http.send(port, "GET", "/api/v2/aibridge/interceptions/" + interceptionId,
                        Map.of("Authorization", "Bearer " + HostileStack.adminToken()), (String) null);
                return detail.status() == 200 && !detail.json().path("ended_at").isNull() ? detail : null;
            });
        } catch (AssertionError notWithinDeadline) {
            return null;
        }
    }

    /** The reason the recorder gave for dead-lettering one of the interception's events, if it did. */
    static Optional<String> deadLetterReason(String interceptionId) {
        String topic = HostileStack.running().env().get("CODER_AI_GATEWAY_INTERCEPTIONS_DLQ_TOPIC");
        if (!Topics.all().contains(topic)) {
            return Optional.empty();
        }
        return Topics.readAll(topic).stream()
                .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(interceptionId))
                .map(r -> r.headers().lastHeader(DeadLetters.REASON))
                .filter(h -> h != null && h.value().length > 0)
                .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .findFirst();
    }
}
