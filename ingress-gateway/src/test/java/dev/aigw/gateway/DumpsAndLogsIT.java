package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.auth.Secrets;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.gateway.logging.InterceptionLog;
import dev.aigw.servicekit.logging.LogFields;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.logs.LogCapture;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** API dumps and structured logging of a real gateway, read back from the dump directory and the log records. */
@ExtendWith(RealStack.class)
class DumpsAndLogsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE = "anthropic/simple.txtar";
    private static LogCapture lines;

    @TempDir
    static Path dumps;
    private static LiveGateway gateway;

    @BeforeAll
    static void start() {
        lines = LogCapture.of(InterceptionLog.class);
        gateway = LiveGateway.start(Map.of("CODER_AI_GATEWAY_DUMP_DIR", dumps.toString(),
                "CODER_AI_GATEWAY_STRUCTURED_LOGGING", "true"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        lines.close();
    }

    @Test
    void shouldDumpBlockingAndStreamingCallsAsSentUpstreamAndAsAnswered() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            ObjectNode request = (ObjectNode) JSON.readTree(Txtar.fixture(FIXTURE).required("request"));
            HttpResponse<String> answer = gateway.post("/anthropic/v1/messages", request.put("stream", stream).toString());
            assertThat(answer.statusCode()).isEqualTo(200);
            String id = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();

            Path model = dumps.resolve("anthropic").resolve("claude-sonnet-4-0");
            Path response = awaitFile(model, "\\d+-" + id + "\\.resp\\.txt");
            Dumped sent = Dumped.read(only(model, "\\d+-" + id + "\\.req\\.txt"));
            assertThat(sent.startLine()).isEqualTo("POST /v1/messages HTTP/1.1");
            assertThat(sent.headers()).containsEntry("X-Api-Key", Secrets.mask(LiveGateway.ANTHROPIC_KEY))
                    .containsEntry("Content-Length", String.valueOf(sent.body().length))
                    .doesNotContainKey("Authorization");
            assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree(gateway.upstream().received().getLast().body()));
            Dumped answered = awaitBody(response, answer.body());
            assertThat(answered.startLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(answered.headers()).containsEntry("Content-Type", stream ? "text/event-stream" : "application/json");
        }
        assertNoSecretIn(dumps);
    }

    @Test
    void shouldDumpAPassthroughCallUnderPassthrough() throws Exception {
        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.bridge("/anthropic/v1/models?limit=2"))
                .header("Authorization", "Bearer " + gateway.admin()).GET());
        assertThat(answer.statusCode()).isEqualTo(200);

        Path passthrough = dumps.resolve("anthropic").resolve("passthrough");
        Path response = awaitFile(passthrough, "\\d+-v1-models-[a-z0-9]{4}\\.resp\\.txt");
        Dumped sent = Dumped.read(only(passthrough, "\\d+-v1-models-[a-z0-9]{4}\\.req\\.txt"));
        assertThat(sent.startLine()).isEqualTo("GET /v1/models?limit=2 HTTP/1.1");
        assertThat(sent.headers()).containsEntry("X-Api-Key", Secrets.mask(LiveGateway.ANTHROPIC_KEY));
        Dumped answered = awaitBody(response, answer.body());
        assertThat(JSON.readTree(answered.body())).isEqualTo(JSON.readTree(answer.body()));
        assertNoSecretIn(dumps);
    }

    @Test
    void shouldLogOneInterceptionLogLinePerRecordedEvent() throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Txtar.fixture(FIXTURE).required("request"));
        HttpResponse<String> answer = gateway.post("/anthropic/v1/messages", request.put("stream", true).toString());
        List<Object> recorded = gateway.eventsOf(answer);
        String id = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();

        List<Map<String, Object>> logged = lines.records().stream()
                .filter(line -> line.getMessage().equals(InterceptionLog.MESSAGE))
                .map(line -> LogFields.of(line).orElseThrow().values())
                .filter(fields -> id.equals(fields.get("interception_id")))
                .toList();

        assertThat(logged).extracting(fields -> fields.get("record_type"))
                .containsExactlyElementsOf(recorded.stream().map(payload -> Payload.of(payload).recordType()).toList())
                .contains("interception_start", "prompt_usage", "model_thought", "token_usage", "interception_end");
        assertThat(logged.getFirst()).containsEntry("model", "claude-sonnet-4-0")
                .containsEntry("credential_hint", Secrets.mask(LiveGateway.ANTHROPIC_KEY));
        assertThat(logged.toString()).doesNotContain(LiveGateway.ANTHROPIC_KEY, gateway.admin());
    }

    private static Path only(Path dir, String nameRegex) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(nameRegex)).reduce((a, b) -> {
                throw new AssertionError("more than one " + nameRegex + " in " + dir);
            }).orElseThrow(() -> new AssertionError("no " + nameRegex + " in " + dir));
        }
    }

    // Dumps are written off the relay thread, one file after the other: the response file may get its head a moment
    // after the client has its answer, and once it has the request file is complete.
    private static Path awaitFile(Path dir, String nameRegex) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && !headWritten(dir, nameRegex)) {
            Thread.sleep(50);
        }
        return only(dir, nameRegex);
    }

    private static boolean headWritten(Path dir, String nameRegex) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(nameRegex)).toList()) {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    return true;
                }
            }
            return false;
        }
    }

    // The response file is written off the relay thread, so it may complete a moment after the client has it all.
    private static Dumped awaitBody(Path file, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Dumped dumped = Dumped.read(file);
        while (!new String(dumped.body(), StandardCharsets.UTF_8).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            dumped = Dumped.read(file);
        }
        assertThat(new String(dumped.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        return dumped;
    }

    private static void assertNoSecretIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString())
                        .doesNotContain(LiveGateway.ANTHROPIC_KEY, LiveGateway.OPENAI_KEY, gateway.admin());
            }
        }
    }

    /**
     * A dump file read as HTTP/1.1 text: start line, headers (one value each here), blank line, body.
     *
     * @param startLine request or status line
     * @param headers   headers by name as written
     * @param body      body bytes
     */
    private record Dumped(String startLine, Map<String, String> headers, byte[] body) {
        static Dumped read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("end of head in " + file).isPositive();
            List<String> lines = List.of(text.substring(0, end).split("\r\n"));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
            return new Dumped(lines.getFirst(), headers, Arrays.copyOfRange(bytes, end + 4, bytes.length));
        }
    }
}
