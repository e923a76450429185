package dev.aigw.siem.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.control.Hints;
import dev.aigw.siem.TestEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiemTopologyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void shouldWriteTheSameDocumentsWhenEventsAreShuffledAndDuplicated() {
        List<InterceptionEvent> events = new ArrayList<>();
        for (String user : List.of("alice", "bob", "carol")) {
            events.addAll(TestEvents.interception(user, NOW.minusSeconds(30)));
        }
        List<String> ordered;
        try (SiemDriver driver = new SiemDriver(NOW)) {
            driver.send(events);
            ordered = driver.documents();
        }
        List<InterceptionEvent> shuffled = new ArrayList<>(events);
        shuffled.addAll(events.subList(0, 10));
        shuffled.addAll(events.subList(12, 20));
        Collections.shuffle(shuffled, new Random(17));
        List<String> fromShuffled;
        try (SiemDriver driver = new SiemDriver(NOW)) {
            driver.send(shuffled);
            fromShuffled = driver.documents();
        }

        assertThat(ordered).hasSize(events.size() + 3);
        assertThat(fromShuffled).containsExactlyInAnyOrderElementsOf(ordered);
        assertThat(ordered).filteredOn(doc -> doc.contains("\"event.action\":\"interception_summary\"")).hasSize(3);
    }

    @Test
    void shouldSummarizeTotalsWhenAnInterceptionEnds() throws IOException {
        List<InterceptionEvent> events = TestEvents.interception("alice", NOW.minusSeconds(30));
        List<JsonNode> docs;
        try (SiemDriver driver = new SiemDriver(NOW)) {
            driver.send(events.subList(0, 7));
            assertThat(driver.documents()).noneMatch(doc -> doc.contains("interception_summary"));
            driver.send(events.subList(7, 8));
            docs = parse(driver.documents());
        }
        JsonNode summary = docs.getLast();
        assertThat(summary.get("event.action").asText()).isEqualTo("interception_summary");
        assertThat(summary.get("event.id").asText()).isEqualTo(events.getFirst().getInterceptionId() + "/summary");
        assertThat(summary.get("aigw.interception.id").asText()).isEqualTo(events.getFirst().getInterceptionId());
        assertThat(summary.get("@timestamp").asText()).isEqualTo(events.getLast().getOccurredAt().toString());
        assertThat(summary.get("event.duration").asLong()).isEqualTo(Duration.ofMillis(7 * 250).toNanos());
        assertThat(summary.get("event.outcome").asText()).isEqualTo("success");
        assertThat(summary.get("aigw.status").asText()).isEqualTo("completed");
        assertThat(summary.get("user.id").asText()).isEqualTo("alice");
        assertThat(summary.get("user.name").asText()).isEqualTo("alice-name");
        assertThat(summary.get("gen_ai.provider.name").asText()).isEqualTo("anthropic");
        assertThat(summary.get("gen_ai.request.model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(summary.get("session.id").asText()).isEqualTo("session-alice");
        assertThat(summary.get("http.response.status_code").asInt()).isEqualTo(200);
        assertThat(summary.get("gen_ai.usage.input_tokens").asLong()).isEqualTo(1200 + 3000 + 40 + 4200 + 150);
        assertThat(summary.get("gen_ai.usage.output_tokens").asLong()).isEqualTo(85 + 310);
        assertThat(summary.get("gen_ai.usage.cache_read.input_tokens").asLong()).isEqualTo(3000 + 4200);
        assertThat(summary.get("gen_ai.usage.cache_creation.input_tokens").asLong()).isEqualTo(150);
        assertThat(summary.get("aigw.usage.uncached_input_tokens").asLong()).isEqualTo(1240);
        assertThat(summary.get("aigw.usage.reasoning_tokens").asLong()).isEqualTo(64);
        assertThat(summary.get("aigw.summary.tool_calls").asInt()).isEqualTo(2);
        assertThat(summary.get("aigw.summary.tool_names")).extracting(JsonNode::asText).containsExactly("Bash", "Read");
        assertThat(summary.get("aigw.summary.prompts").asInt()).isEqualTo(1);
        assertThat(summary.get("aigw.summary.thoughts").asInt()).isEqualTo(1);
        assertThat(summary.get("aigw.summary.events").asInt()).isEqualTo(8);
        assertThat(summary.get("aigw.summary.complete").asBoolean()).isTrue();
    }

    @Test
    void shouldNameFieldsAfterTheConventions() throws IOException {
        List<InterceptionEvent> events = TestEvents.interception("alice", NOW.minusSeconds(30));
        List<JsonNode> docs;
        try (SiemDriver driver = new SiemDriver(NOW)) {
            driver.send(events);
            docs = parse(driver.documents());
        }
        JsonNode start = docs.get(0);
        assertThat(start.get("event.action").asText()).isEqualTo("interception_start");
        assertThat(start.get("@timestamp").asText()).isEqualTo(events.getFirst().getOccurredAt().toString());
        assertThat(start.get("event.id").asText()).isEqualTo(events.getFirst().getEventId());
        assertThat(start.get("event.kind").asText()).isEqualTo("event");
        assertThat(start.get("event.sequence").asInt()).isZero();
        assertThat(start.get("user_agent.original").asText()).isEqualTo("claude-cli/2.0.14 (external, cli)");
        assertThat(start.get("aigw.credential.hint").asText()).isEqualTo(Hints.mask(TestEvents.PROVIDER_KEY));
        assertThat(start.get("labels").get("team").asText()).isEqualTo("payments");
        JsonNode tool = docs.get(2);
        assertThat(tool.get("gen_ai.tool.name").asText()).isEqualTo("Bash");
        assertThat(tool.get("gen_ai.tool.call.id").asText()).isEqualTo("toolu_01");
        assertThat(tool.get("gen_ai.tool.call.arguments").asText()).isEqualTo("{\"command\":\"ls -la\"}");
        JsonNode tokens = docs.get(3);
        assertThat(tokens.get("gen_ai.response.model").asText()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(tokens.get("gen_ai.usage.input_tokens").asLong()).isEqualTo(4200);
        assertThat(tokens.get("event.sequence").asInt()).isEqualTo(3);
        writeExamples(docs);
    }

    @Test
    void shouldNeverWriteTheProviderKey() {
        try (SiemDriver driver = new SiemDriver(NOW)) {
            driver.send(TestEvents.interception("alice", NOW.minusSeconds(30)));
            List<String> docs = driver.documents();
            assertThat(docs).isNotEmpty();
            // Not the key, nor any run of it longer than the hint reveals.
            String secretPart = TestEvents.PROVIDER_KEY.substring(4, TestEvents.PROVIDER_KEY.length() - 4);
            assertThat(docs).allSatisfy(doc -> {
                assertThat(doc).doesNotContain(TestEvents.PROVIDER_KEY);
                assertThat(doc).doesNotContain(secretPart.substring(0, 12));
                assertThat(doc).doesNotContainPattern("sk-ant-api03-[A-Za-z0-9_-]{8,}");
            });
        }
    }

    @Test
    void shouldWriteAnIncompleteSummaryWhenEventsStopComing() {
        List<InterceptionEvent> gap = TestEvents.interception("alice", NOW.minusSeconds(30));
        List<InterceptionEvent> noEnd = TestEvents.interception("bob", NOW.minusSeconds(30));
        List<JsonNode> summaries;
        try (SiemDriver driver = new SiemDriver(NOW)) {
            List<InterceptionEvent> sent = new ArrayList<>(gap);
            sent.remove(3);
            sent.addAll(noEnd.subList(0, 7));
            driver.send(sent);
            assertThat(driver.documents()).hasSize(14).noneMatch(doc -> doc.contains("interception_summary"));
            driver.advanceWallClock(Duration.ofMinutes(2));
            summaries = parse(driver.documents());
            // A late event after its summary still gets its own document, and no second summary.
            driver.send(gap.subList(3, 4));
            assertThat(driver.documents()).singleElement().asString().contains("\"event.action\":\"token_usage\"");
            driver.advanceWallClock(Duration.ofMinutes(2));
            assertThat(driver.documents()).isEmpty();
        }
        assertThat(summaries).hasSize(2).allSatisfy(s -> assertThat(s.get("aigw.summary.complete").asBoolean()).isFalse());
        JsonNode alice = summaries.stream().filter(s -> s.get("user.id").asText().equals("alice")).findFirst().orElseThrow();
        JsonNode bob = summaries.stream().filter(s -> s.get("user.id").asText().equals("bob")).findFirst().orElseThrow();
        assertThat(alice.get("aigw.status").asText()).isEqualTo("completed");
        assertThat(alice.get("aigw.summary.events").asInt()).isEqualTo(7);
        assertThat(bob.get("aigw.status").asText()).isEqualTo("incomplete");
        assertThat(bob.get("event.outcome").asText()).isEqualTo("unknown");
        assertThat(bob.get("@timestamp").asText()).isEqualTo(noEnd.get(6).getOccurredAt().toString());
    }

    private static List<JsonNode> parse(List<String> docs) {
        return docs.stream().map(doc -> {
            try {
                return JSON.readTree(doc);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + doc, e);
            }
        }).toList();
    }

    // docs/siem.md shows these, as this test produced them.
    private static void writeExamples(List<JsonNode> docs) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "siem-examples"));
        var pretty = JSON.writerWithDefaultPrettyPrinter();
        for (JsonNode doc : docs) {
            String name = doc.get("event.action").asText() + "-" + doc.path("event.sequence").asText("summary") + ".json";
            Files.writeString(dir.resolve(name), pretty.writeValueAsString(doc));
        }
    }
}
