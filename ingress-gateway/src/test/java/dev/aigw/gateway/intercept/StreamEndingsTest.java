package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.testkit.fixtures.Fixtures;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Cuts every recorded stream after each of its SSE events and in the middle of each, feeds the prefix to the API's
 * parser, ends it as an abrupt end does, and checks that what reached the client is in the record: every tool call and
 * thought whose first bytes came before the cut, with no more than came (a prefix of the whole stream's), a call marked
 * incomplete exactly when its closing event did not come, and the token usage seen before the cut.
 *
 * <p>"Reached the client" is read from the prefix here, independently of the parsers: events a client can decode
 * (closed by a blank line), looked at with the API's documented event types. The streams are the shared recorded
 * fixtures ({@code shared/fixtures/aibridge}) and, for what they lack (hosted tools, output limits), the streams in this
 * test's resources. Blocking answers are cut throughout: a parser either reads the whole answer or refuses it as not
 * JSON ({@code response_not_parsed}), never fails otherwise.
 */
class StreamEndingsTest {
    private static final List<String> LOCAL_STREAMS = List.of("anthropic_server_tools.txtar", "anthropic_max_tokens.txtar",
            "responses_hosted_tools.txtar", "responses_incomplete.txtar", "chat_length.txtar");
    // A blocking answer is cut at every 7th byte (a step prime to the lengths of JSON's tokens, so cuts fall at every
    // place within them) and at each of its last bytes, where a cut body comes closest to a whole one.
    private static final int STEP = 7;
    private static final int TAIL = 64;

    @TestFactory
    Stream<DynamicTest> shouldRecordWhatReachedTheClientWhereverTheStreamIsCut() {
        return streams().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> everyCut(e.getValue())));
    }

    @TestFactory
    Stream<DynamicTest> shouldReadOrRefuseEveryPrefixOfABlockingAnswer() {
        return blockingAnswers().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> everyBlockingCut(e.getValue())));
    }

    private record Sse(Api api, byte[] bytes) {
    }

    private static void everyCut(Sse stream) {
        List<Payload> whole = replay(stream.api(), stream.bytes());
        List<Integer> ends = eventEnds(stream.bytes());
        assertThat(ends).as("events in the stream").isNotEmpty();
        int previous = 0;
        for (int end : ends) {
            check(stream, whole, middleOfLastDataLine(stream.bytes(), previous, end));
            check(stream, whole, end);
            previous = end;
        }
        assertThat(kinds(replayByteByByte(stream.api(), stream.bytes()))).as("the same, fed a byte at a time")
                .isEqualTo(kinds(whole));
    }

    private static void check(Sse stream, List<Payload> whole, int cut) {
        byte[] prefix = Arrays.copyOf(stream.bytes(), cut);
        List<Payload> recorded = replay(stream.api(), prefix);
        Received received = Received.of(stream.api(), decodedEvents(prefix));
        String at = "cut at byte " + cut + " of " + stream.bytes().length;

        Map<String, ToolUsage> wholeTools = tools(whole, stream.api());
        Map<String, ToolUsage> cutTools = tools(recorded, stream.api());
        for (var expected : received.tools().entrySet()) {
            ToolUsage call = cutTools.get(expected.getKey());
            ToolUsage full = wholeTools.get(expected.getKey());
            assertThat(call).as(at + ": tool call " + expected.getKey() + " is recorded").isNotNull();
            assertThat(call.getTool()).as(at).isEqualTo(full.getTool());
            assertThat(full.getInput()).as(at + ": recorded input is what came").startsWith(call.getInput());
            if (expected.getValue() == Partial.STREAM_ENDED) {
                assertThat(call.getInvocationError()).as(at + ": an open call is marked").isEqualTo(Partial.STREAM_ENDED.text());
            } else {
                assertThat(call.getInput()).as(at + ": a closed call is whole").isEqualTo(full.getInput());
                assertThat(call.getInvocationError()).as(at + ": " + expected.getKey()).isEqualTo(
                        expected.getValue() == null ? unmarked(full.getInvocationError()) : expected.getValue().text());
            }
        }
        assertThat(wholeTools.keySet()).as(at + ": no call is invented").containsAll(cutTools.keySet());
        assertThat(count(recorded, Payload.Tool.class)).as(at + ": no call is recorded twice").isEqualTo(cutTools.size());

        List<String> cutThoughts = thoughts(recorded);
        List<String> wholeThoughts = thoughts(whole);
        assertThat(cutThoughts.size()).as(at + ": thoughts that began are recorded")
                .isGreaterThanOrEqualTo(received.thoughts()).isLessThanOrEqualTo(wholeThoughts.size());
        for (int i = 0; i < cutThoughts.size(); i++) {
            assertThat(wholeThoughts.get(i)).as(at + ": recorded thought is what came").startsWith(cutThoughts.get(i));
        }

        List<TokenUsage> usage = recorded.stream().filter(Payload.Tokens.class::isInstance)
                .map(p -> ((Payload.Tokens) p).avro()).toList();
        if (received.usage() == null) {
            assertThat(usage).as(at + ": no usage was seen").isEmpty();
        } else {
            assertThat(usage).as(at + ": the usage seen is recorded").hasSize(1);
            assertThat(usage.getFirst().getInputTokens() + usage.getFirst().getCacheReadInputTokens())
                    .as(at).isEqualTo(received.usage().input());
            assertThat(usage.getFirst().getOutputTokens()).as(at).isEqualTo(received.usage().output());
        }
    }

    private static void everyBlockingCut(Sse answer) {
        Api api = answer.api();
        byte[] body = answer.bytes();
        List<String> whole = blockingKinds(api, body);
        for (int cut = 0; cut < body.length; cut += cut < body.length - TAIL ? STEP : 1) {
            List<String> read = blockingKinds(api, Arrays.copyOf(body, cut));
            if (read != null) {
                assertThat(read).as("a body cut at byte " + cut + " is read only when it is whole").isEqualTo(whole);
            }
        }
    }

    // The payloads of a blocking answer, or null when the parser refuses it as not JSON (recorded response_not_parsed);
    // any other failure would lose the interception's end, so it fails the test.
    private static List<String> blockingKinds(Api api, byte[] body) {
        try {
            return kinds(api.payloads(body));
        } catch (IOException e) {
            return null;
        } catch (RuntimeException e) {
            throw new AssertionError(api + " failed on a body of " + body.length + " bytes", e);
        }
    }

    // ---- what a client decoded from a prefix, read independently of the parsers ----

    /** Usage as the provider reported it: all input tokens (cached included) and output tokens. */
    private record Usage(long input, long output) {
    }

    /**
     * What reached the client: tool calls by id, each with the mark it must carry (null when whole: its closing event
     * came and no limit cut it), the number of thoughts with some text, and the last usage reported.
     */
    private record Received(Map<String, Partial> tools, int thoughts, Usage usage) {
        static Received of(Api api, List<JsonNode> events) {
            return switch (api) {
                case Api.Messages m -> messages(events);
                case Api.Chat c -> chat(events);
                case Api.Responses r -> responses(events);
            };
        }

        private static Received messages(List<JsonNode> events) {
            Map<Integer, String> callAt = new HashMap<>();
            Map<String, Partial> tools = new LinkedHashMap<>();
            String lastBlockCall = null;
            Set<Integer> thinking = new HashSet<>();
            Set<Integer> thoughtful = new HashSet<>();
            Usage usage = null;
            for (JsonNode e : events) {
                int index = e.path("index").asInt();
                switch (e.path("type").asText()) {
                    case "message_start" -> usage = new Usage(e.at("/message/usage/input_tokens").asLong()
                            + e.at("/message/usage/cache_read_input_tokens").asLong(),
                            e.at("/message/usage/output_tokens").asLong());
                    case "content_block_start" -> {
                        String type = e.at("/content_block/type").asText();
                        lastBlockCall = null;
                        if (type.endsWith("tool_use")) {
                            callAt.put(index, e.at("/content_block/id").asText());
                            tools.put(e.at("/content_block/id").asText(), Partial.STREAM_ENDED);
                        } else if (type.equals("thinking")) {
                            thinking.add(index);
                        }
                    }
                    case "content_block_delta" -> {
                        if (thinking.contains(index) && !e.at("/delta/thinking").asText("").isEmpty()) {
                            thoughtful.add(index);
                        }
                    }
                    case "content_block_stop" -> {
                        if (callAt.containsKey(index)) {
                            lastBlockCall = callAt.remove(index);
                            tools.put(lastBlockCall, null);
                        }
                        thinking.remove(index);
                    }
                    case "message_delta" -> {
                        usage = new Usage(Objects.requireNonNull(usage).input(), e.at("/usage/output_tokens").asLong());
                        if (lastBlockCall != null && "max_tokens".equals(e.at("/delta/stop_reason").asText())) {
                            tools.put(lastBlockCall, Partial.OUTPUT_LIMIT);
                        }
                    }
                    default -> {
                    }
                }
            }
            return new Received(tools, thoughtful.size(), usage);
        }

        private static Received chat(List<JsonNode> events) {
            Map<Integer, String> ids = new LinkedHashMap<>();
            boolean finished = false;
            Usage usage = null;
            for (JsonNode e : events) {
                for (JsonNode call : e.at("/choices/0/delta/tool_calls")) {
                    if (call.path("id").isTextual()) {
                        ids.putIfAbsent(call.path("index").asInt(), call.path("id").asText());
                    }
                }
                finished |= e.at("/choices/0/finish_reason").isTextual();
                if (e.path("usage").isObject()) {
                    usage = new Usage(e.at("/usage/prompt_tokens").asLong(), e.at("/usage/completion_tokens").asLong());
                }
            }
            // Calls stream one after another: a call is closed once the next one began or the choice finished.
            Map<String, Partial> tools = new LinkedHashMap<>();
            int last = ids.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            boolean cutByLimit = events.stream().anyMatch(e -> "length".equals(e.at("/choices/0/finish_reason").asText()));
            Partial lastMark = !finished ? Partial.STREAM_ENDED : cutByLimit ? Partial.OUTPUT_LIMIT : null;
            ids.forEach((index, id) -> tools.put(id, index == last ? lastMark : null));
            return new Received(tools, 0, usage);
        }

        private static Received responses(List<JsonNode> events) {
            Map<String, Partial> tools = new LinkedHashMap<>();
            Set<String> thoughts = new HashSet<>();
            Usage usage = null;
            boolean ended = false;
            for (JsonNode e : events) {
                String type = e.path("type").asText();
                JsonNode item = e.path("item");
                int index = e.path("output_index").asInt();
                switch (type) {
                    case "response.output_item.added", "response.output_item.done" -> {
                        if (item.path("type").asText().endsWith("_call")) {
                            tools.put(item.path("id").asText(), type.endsWith(".added") ? Partial.STREAM_ENDED : mark(item));
                        }
                        for (int i = 0; i < item.path("summary").size(); i++) {
                            if (!item.path("summary").get(i).path("text").asText("").isBlank()) {
                                thoughts.add(index + "/" + i);
                            }
                        }
                    }
                    case "response.reasoning_summary_text.delta" -> {
                        if (!e.path("delta").asText("").isBlank()) {
                            thoughts.add(index + "/" + e.path("summary_index").asInt());
                        }
                    }
                    case "response.completed", "response.incomplete" -> {
                        JsonNode u = e.at("/response/usage");
                        usage = u.isObject()
                                ? new Usage(u.path("input_tokens").asLong(), u.path("output_tokens").asLong()) : null;
                        ended = true;
                    }
                    default -> {
                    }
                }
            }
            // The final response lists every item as it ended; its own status says whether a call was cut.
            if (ended) {
                for (JsonNode e : events) {
                    for (JsonNode item : e.at("/response/output")) {
                        if (item.path("type").asText().endsWith("_call")) {
                            tools.put(item.path("id").asText(), mark(item));
                        }
                    }
                }
            }
            // Commentary is a thought too, but a message's text may be the answer; counting only summaries keeps the
            // lower bound honest without reading the parser's rule back into the test.
            return new Received(tools, thoughts.size(), usage);
        }

        private static Partial mark(JsonNode item) {
            return "incomplete".equals(item.path("status").asText()) ? Partial.OUTPUT_LIMIT : null;
        }
    }

    // ---- helpers ----

    private static List<Payload> replayByteByByte(Api api, byte[] bytes) {
        List<Payload> payloads = new ArrayList<>();
        StreamAudit audit = api.follow(payloads::add);
        SseDecoder decoder = new SseDecoder(audit);
        for (int i = 0; i < bytes.length; i++) {
            decoder.feed(bytes, i, 1);
        }
        decoder.finish();
        audit.finish();
        return payloads;
    }

    private static List<Payload> replay(Api api, byte[] bytes) {
        List<Payload> payloads = new ArrayList<>();
        StreamAudit audit = api.follow(payloads::add);
        SseDecoder decoder = new SseDecoder(audit);
        decoder.feed(bytes, 0, bytes.length);
        decoder.finish();
        audit.finish();
        return payloads;
    }

    /** Offsets just past each blank line that closes an event. */
    private static List<Integer> eventEnds(byte[] bytes) {
        List<Integer> ends = new ArrayList<>();
        boolean data = false;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' && i > 0 && bytes[i - 1] == '\n' && data) {
                ends.add(i + 1);
                data = false;
            } else if (bytes[i] != '\n') {
                data = true;
            }
        }
        if (ends.isEmpty() || ends.getLast() < bytes.length && new String(bytes, ends.getLast(), bytes.length - ends.getLast(),
                StandardCharsets.UTF_8).contains("data:")) {
            ends.add(bytes.length);
        }
        return ends;
    }

    private static int middleOfLastDataLine(byte[] bytes, int from, int to) {
        String event = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        int line = event.lastIndexOf("data:");
        if (line < 0) {
            return from + (to - from) / 2;
        }
        int lineEnd = event.indexOf('\n', line);
        return from + line + ((lineEnd < 0 ? event.length() : lineEnd) - line) / 2;
    }

    /** Events a client decodes from a prefix: those closed by a blank line, as JSON. */
    private static List<JsonNode> decodedEvents(byte[] prefix) {
        List<JsonNode> events = new ArrayList<>();
        String text = new String(prefix, StandardCharsets.UTF_8);
        int end = text.lastIndexOf("\n\n");
        if (end < 0) {
            return events;
        }
        for (String event : text.substring(0, end).split("\n\n")) {
            StringBuilder data = new StringBuilder();
            for (String line : event.split("\n")) {
                if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            BodyJson.event(data.toString()).filter(JsonNode::isObject).ifPresent(events::add);
        }
        return events;
    }

    private static Map<String, ToolUsage> tools(List<Payload> payloads, Api api) {
        Map<String, ToolUsage> tools = new LinkedHashMap<>();
        for (Payload p : payloads) {
            if (p instanceof Payload.Tool(ToolUsage call)) {
                tools.put(api instanceof Api.Responses ? call.getItemId() : call.getToolCallId(), call);
            }
        }
        return tools;
    }

    // A whole call's own error, without the mark a later event (the reason the output stopped) may add to it.
    private static String unmarked(String invocationError) {
        return Stream.of(Partial.values()).anyMatch(p -> p.text().equals(invocationError)) ? null : invocationError;
    }

    private static List<String> thoughts(List<Payload> payloads) {
        return payloads.stream().filter(Payload.Thought.class::isInstance)
                .map(p -> ((Payload.Thought) p).avro()).map(ModelThought::getContent).toList();
    }

    private static long count(List<Payload> payloads, Class<? extends Payload> kind) {
        return payloads.stream().filter(kind::isInstance).count();
    }

    private static List<String> kinds(List<Payload> payloads) {
        return payloads.stream().map(p -> p.avro().toString()).toList();
    }

    // ---- the streams ----

    private static Map<String, Sse> streams() {
        Map<String, Sse> streams = new LinkedHashMap<>();
        fixtures().forEach((name, txtar) -> txtar.sections().forEach((section, body) -> {
            if (section.startsWith("streaming") && !body.startsWith("HTTP/")) {
                streams.put(name + " " + section, new Sse(api(name), body.getBytes(StandardCharsets.UTF_8)));
            }
        }));
        for (String local : LOCAL_STREAMS) {
            Txtar txtar = Txtar.parse(HostedAndCutCallsTest.resource(local));
            byte[] bytes = txtar.required("streaming").getBytes(StandardCharsets.UTF_8);
            streams.put(local, new Sse(api(txtar.comment().strip()), bytes));
        }
        return streams;
    }

    private static Map<String, Sse> blockingAnswers() {
        Map<String, Sse> answers = new LinkedHashMap<>();
        fixtures().forEach((name, txtar) -> txtar.sections().forEach((section, body) -> {
            if (section.startsWith("non-streaming") && !body.startsWith("HTTP/")) {
                answers.put(name + " " + section, new Sse(api(name), body.getBytes(StandardCharsets.UTF_8)));
            }
        }));
        return answers;
    }

    private static Map<String, Txtar> fixtures() {
        Path root = Fixtures.directory();
        try (var files = Files.walk(root)) {
            Map<String, Txtar> fixtures = new LinkedHashMap<>();
            files.filter(f -> f.toString().endsWith(".txtar")).sorted().forEach(f -> {
                String name = root.relativize(f).toString().replace('\\', '/');
                fixtures.put(name, Txtar.fixture(name));
            });
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Api api(String fixture) {
        if (fixture.startsWith("anthropic")) {
            return Api.MESSAGES;
        }
        return fixture.contains("chat") ? Api.CHAT : Api.RESPONSES;
    }
}
