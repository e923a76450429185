package dev.aigw.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.testkit.RealStack;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The canary: after each kind of poison request from alice, an ordinary request from bob must be readable in the
 * query API, and the poison interception too (with a model small enough for any key), or dead-lettered with a reason.
 * Once the audit is found stopped, the later kinds are skipped: nothing they do could be seen.
 */
@Order(4)
@ExtendWith({RealStack.class, HostileStack.class})
class PoisonCanaryIT {
    /** Cassandra refuses a partition or clustering key over 64 KiB; a model or id stored whole must stay under it. */
    private static final int KEY_LIMIT_BYTES = 65_535;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static String stoppedBy;

    /** A poison request: its route, body and extra headers. */
    record Poison(String name, String route, String body, Map<String, String> headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> poisons() throws Exception {
        ObjectNode messages = (ObjectNode) Answer.json(Bodies.MESSAGES);
        ObjectNode chat = (ObjectNode) Answer.json(Bodies.CHAT);
        ObjectNode responses = (ObjectNode) Answer.json(Bodies.RESPONSES);
        StringBuilder controls = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            controls.append((char) (1 + i % 31));
        }
        ArrayNode tools = NODES.arrayNode();
        for (int i = 0; i < 2_000; i++) {
            tools.addObject().put("type", "function").putObject("function").put("name", "tool_" + i)
                    .put("description", "d".repeat(100)).putObject("parameters").put("type", "object");
        }
        // Written by hand: Jackson refuses to write (or read) nesting past 1,000 levels.
        String deep = "{\"n\":".repeat(5_000) + "{}" + "}".repeat(5_000);
        String withDeep = Bodies.MESSAGES.strip();
        withDeep = withDeep.substring(0, withDeep.length() - 1) + ",\"metadata\":" + deep + "}";
        ArrayNode manyMessages = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            manyMessages.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", "m" + i);
        }
        String anthropic = "/api/v2/aibridge/" + HostileStack.ANTHROPIC + "/v1/messages";
        return Stream.of(
                new Poison("model of 70,000 chars", anthropic, with(messages, "model", RawCorpus.LONG), Map.of()),
                new Poison("prompt of 300,000 control characters", anthropic, prompt(messages, controls.toString()), Map.of()),
                new Poison("prompt over 1 MB", anthropic, prompt(messages, "p".repeat(1_200_000)), Map.of()),
                new Poison("model with NUL, controls and bidi overrides", anthropic,
                        with(messages, "model", "claude\u0000\u0001\u202E\uFEFF" + "x".repeat(1_000)), Map.of()),
                new Poison("tool result answering a tool call id of 70,000 chars", anthropic, toolResult(messages), Map.of()),
                new Poison("session id and user agent of 8,000 chars", anthropic, Bodies.MESSAGES,
                        Map.of("X-Claude-Code-Session-Id", "s".repeat(8_000), "User-Agent", "claude-cli/" + "u".repeat(8_000))),
                new Poison("2,000 tool definitions", "/api/v2/aibridge/" + HostileStack.OPENAI + "/v1/chat/completions",
                        chat.deepCopy().set("tools", tools).toString(), Map.of()),
                new Poison("20,000 messages", "/api/v2/aibridge/" + HostileStack.OPENAI + "/v1/chat/completions",
                        chat.deepCopy().set("messages", manyMessages).toString(), Map.of()),
                new Poison("metadata nested 5,000 deep", anthropic, withDeep, Map.of()),
                new Poison("responses: model of 70,000 chars and instructions of 1 MB",
                        "/api/v2/aibridge/" + HostileStack.RESPONSES + "/v1/responses",
                        ((ObjectNode) responses.deepCopy()).put("model", RawCorpus.LONG).put("instructions", "i".repeat(1_100_000))
                                .toString(), Map.of())
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisons")
    void shouldKeepTheAuditFlowingForOthersAfterAPoisonRequest(Poison poison) {
        Assumptions.assumeTrue(stoppedBy == null, () -> "the audit already stopped after: " + stoppedBy);
        int gateway = HostileStack.running().gateway().port();
        Map<String, String> headers = new java.util.HashMap<>(poison.headers());
        headers.put("Authorization", "Bearer " + HostileStack.key("alice"));

        Answer poisoned = Http.send(gateway, "POST", poison.route(), headers, poison.body());
        Answer canary = Ordinary.message(gateway, HostileStack.key("bob"), "claude-sonnet-4-0", "canary " + UUID.randomUUID());

        assertThat(Verdict.of(new Case(poison.name(), gateway, new byte[0], Case.Expect.ANSWERED,
                poison.route().contains("/v1/messages") ? Case.Shape.ANTHROPIC : Case.Shape.OPENAI, false, false), poisoned))
                .as("answer to the poison request").isNull();
        assertThat(canary.status()).as(canary.brief()).isEqualTo(200);
        String canaryId = Ordinary.interceptionId(canary).orElseThrow();
        if (Ordinary.awaitReadable(canaryId) == null) {
            stoppedBy = poison.name();
            throw new AssertionError("bob's ordinary request " + canaryId + " was not readable in the query API within "
                    + Ordinary.AUDIT_DEADLINE.toSeconds() + " s after alice's poison request (" + poison.name()
                    + ", answered " + poisoned.brief() + "): the audit stopped");
        }
        Optional<String> poisonId = Ordinary.interceptionId(poisoned);
        if (poisonId.isPresent()) {
            Answer detail = Ordinary.awaitReadable(poisonId.get());
            if (detail == null) {
                assertThat(Ordinary.deadLetterReason(poisonId.get()))
                        .as("poison interception %s neither readable nor dead-lettered with a reason", poisonId.get())
                        .isPresent();
            } else {
                JsonNode body = detail.json();
                assertThat(body.path("model").asText().getBytes(StandardCharsets.UTF_8).length).as("stored model length")
                        .isLessThanOrEqualTo(KEY_LIMIT_BYTES);
                assertThat(body.path("session_id").asText().getBytes(StandardCharsets.UTF_8).length).as("stored session id")
                        .isLessThanOrEqualTo(KEY_LIMIT_BYTES);
            }
        }
    }

    private static String with(ObjectNode template, String field, String value) {
        return template.deepCopy().put(field, value).toString();
    }

    private static String prompt(ObjectNode template, String text) {
        ObjectNode body = template.deepCopy();
        ((ObjectNode) body.withArray("messages").get(0).withArray("content").get(0)).put("text", text);
        return body.toString();
    }

    private static String toolResult(ObjectNode template) {
        ObjectNode body = template.deepCopy();
        ArrayNode content = (ArrayNode) body.withArray("messages").get(0).withArray("content");
        content.insertObject(0).put("type", "tool_result").put("tool_use_id", "toolu_" + RawCorpus.LONG).put("content", "ok");
        return body.toString();
    }
}
