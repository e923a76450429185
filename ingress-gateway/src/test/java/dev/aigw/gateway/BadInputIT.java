package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.logs.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no well-behaved client sends, most written on a raw socket: each gets a 4xx in the provider's error shape,
 * nothing reaches the provider, nothing is recorded, and the node logs nothing at error level.
 */
@ExtendWith(RealStack.class)
class BadInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static LiveGateway gateway;
    private static LogCapture logs;
    private int upstreamCallsBefore;

    @BeforeAll
    static void start() {
        gateway = LiveGateway.start(Map.of("CODER_AI_GATEWAY_MAX_BODY_BYTES", "1024"));
        logs = LogCapture.root();
    }

    @AfterAll
    static void stop() {
        logs.close();
        gateway.close();
        assertThat(logs.records()).as("records logged at error level")
                .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue());
    }

    @BeforeEach
    void countUpstreamCalls() {
        upstreamCallsBefore = gateway.upstream().received().size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/aibridge/openai/v1/../v1/chat/completions", "/api/v2/aibridge/openai/./v1/chat/completions",
        "/api/v2/aibridge/openai%2Fv1/chat/completions", "/api/v2/aibridge/openai/v1/chat%2fcompletions",
        "/api/v2/aibridge/openai/v1/%2e%2e/v1/chat/completions", "/api/v2/aibridge/openai/v1\\chat/completions"})
    void shouldRefuseAPathThatWouldBeNormalisedIntoAnotherRoute(String path) throws IOException {
        Answer answer = raw("POST " + path + " HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + gateway.admin()
                + "\r\nContent-Length: " + CHAT.length() + "\r\n\r\n" + CHAT);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Note: a\rb\r\n", "X-Note: a\r\n folded\r\n", "X-Note: a\nb\r\n"})
    void shouldRefuseHeaderValuesWithLineBreaksInTheProvidersShape(String header) throws IOException {
        Answer answer = raw("POST /api/v2/aibridge/anthropic/v1/messages HTTP/1.1\r\nHost: gw\r\n" + header
                + "Authorization: Bearer " + gateway.admin() + "\r\nContent-Length: 2\r\n\r\n{}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("error");
        assertThat(answer.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertNothingWentUpstream();
    }

    @Test
    void shouldRefuseABodyOverTheLimitWhetherDeclaredOrChunked() throws IOException {
        String big = "{\"model\":\"" + "x".repeat(2000) + "\"}";

        Answer declared = raw("POST /api/v2/aibridge/anthropic/v1/messages HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer "
                + gateway.admin() + "\r\nContent-Length: " + big.length() + "\r\n\r\n" + big);
        Answer chunked = raw("POST /api/v2/aibridge/openai/v1/chat/completions HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer "
                + gateway.admin() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(big.length()) + "\r\n"
                + big + "\r\n0\r\n\r\n");

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("error").path("message").asText()).isEqualTo("request body exceeds the limit of 1024 bytes");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().path("error").path("type").asText()).isEqualTo("request_too_large");
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\":", "[]", "{\"messages\":[]}", "{\"model\":42,\"messages\":[]}",
        "{\"model\":\"gpt-4.1\",\"messages\":{}}", "{\"model\":\"gpt-4.1\",\"messages\":[]} trailing"})
    void shouldRefuseBodiesThatAreNotChatRequestsWithoutRecordingAnything(String body) throws IOException {
        HttpResponse<String> answer = gateway.post("/openai/v1/chat/completions", body);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(answer.headers().firstValue("X-AI-Gateway-Interception-Id")).isEmpty();
        assertNothingWentUpstream();
    }

    @Test
    void shouldRefuseAResponsesInputOfTheWrongType() throws IOException {
        HttpResponse<String> answer = gateway.post("/openai/v1/responses", "{\"model\":\"gpt-4.1\",\"input\":42}");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("error").path("message").asText()).startsWith("input:");
        assertNothingWentUpstream();
    }

    @Test
    void shouldNameAnUnknownProviderInTheShapeOfTheApiItAskedFor() throws IOException {
        HttpResponse<String> messages = gateway.post("/nope/v1/messages", "{}");
        HttpResponse<String> chat = gateway.post("/nope/v1/chat/completions", CHAT);

        assertThat(messages.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(messages.body()).path("error").path("message").asText()).isEqualTo("unknown provider: nope");
        assertThat(JSON.readTree(messages.body()).path("type").asText()).isEqualTo("error");
        assertThat(chat.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(chat.body()).path("error").path("type").asText()).isEqualTo("not_found_error");
        assertNothingWentUpstream();
    }

    @Test
    void shouldAnswerHeadProbesOfTheRootAndProviderBasesAtOnce() throws IOException {
        assertThat(raw("HEAD / HTTP/1.1\r\nHost: gw\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw("HEAD /api/v2/aibridge/anthropic HTTP/1.1\r\nHost: gw\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw("HEAD /api/v2/ai-gateway/openai/v1 HTTP/1.1\r\nHost: gw\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw("HEAD /api/v2/ai-gateway/nope HTTP/1.1\r\nHost: gw\r\n\r\n").status()).isEqualTo(404);
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":{\"text\":\"hi\"}}]}",
        "{\"model\":\"m\",\"messages\":[{\"role\":7,\"content\":\"hi\"}]}", "{\"model\":[\"m\"],\"messages\":[]}",
        "{\"model\":\"m\",\"messages\":[42,null,{}],\"stream\":\"yes\"}", "{\"model\":\"m\",\"messages\":[[[]]]}",
        "{\"model\":\"m\",\"input\":{\"role\":\"user\"},\"messages\":[{\"content\":[1,{\"type\":{}}]}]}",
        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":{}}]}],"
            + "\"stream_options\":[],\"tools\":{\"a\":1}}"})
    void shouldForwardOrRefuseRequestsOfAnyShapeOnEveryApi(String body) throws IOException {
        for (String path : new String[] {"/anthropic/v1/messages", "/openai/v1/chat/completions", "/openai/v1/responses"}) {
            int before = gateway.upstream().received().size();
            HttpResponse<String> answer = gateway.post(path, body);

            assertThat(answer.statusCode()).as(path).isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertProvidersShape(path, JSON.readTree(answer.body()));
                assertThat(gateway.upstream().received()).hasSize(before);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "-1", "", "1 2", "0x5", "fffffffffffffffff", "5\u00a0"})
    void shouldRefuseAMalformedChunkSizeInTheProvidersShape(String size) throws IOException {
        Answer answer = raw("POST /api/v2/aibridge/anthropic/v1/messages HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer "
                + gateway.admin() + "\r\nTransfer-Encoding: chunked\r\n\r\n" + size + "\r\n{\"a\":1}\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo("error");
        assertThat(answer.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertNothingWentUpstream();
    }

    @Test
    void shouldAnswerABodyCutShortOfItsLengthWithA400WhileTheClientStillListens() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.root().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v2/aibridge/openai/v1/chat/completions HTTP/1.1\r\nHost: gw\r\n"
                    + "Authorization: Bearer " + gateway.admin() + "\r\nContent-Length: 500\r\n\r\n{\"model\":")
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            Answer answer = Answer.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("error").path("message").asText()).contains("ended before its declared length");
        }
        assertNothingWentUpstream();
    }

    @Test
    void shouldLogNothingSevereWhenAClientLeavesInTheMiddleOfItsBody() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.root().getPort())) {
            socket.getOutputStream().write(("POST /api/v2/aibridge/anthropic/v1/messages HTTP/1.1\r\nHost: gw\r\n"
                    + "Authorization: Bearer " + gateway.admin() + "\r\nContent-Length: 500\r\n\r\n{\"model\":")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        // The node still answers, and @AfterAll checks that nothing was logged at error level.
        assertThat(raw("HEAD / HTTP/1.1\r\nHost: gw\r\n\r\n").status()).isEqualTo(200);
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /nope", "POST /", "GET /api", "GET /api/v2", "PUT /api/v2/other/x", "GET /metrics/x",
        "GET /api/v2/aibridge/anthropic/v1/nope", "DELETE /api/v2/ai-gateway/openai/v1/chat/completions",
        "GET /api/v2/aibridge/nope/v1/messages", "OPTIONS /api/v2/aibridge/copilot/x"})
    void shouldAnswerAnUnknownPathWith404InTheProvidersShape(String request) throws IOException {
        String path = request.substring(request.indexOf(' ') + 1);
        Answer answer = raw(request + " HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + gateway.admin() + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(404);
        assertProvidersShape(path, answer.json());
        assertThat(answer.json().path("error").path("type").asText()).isEqualTo("not_found_error");
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/aibridge/anthropic/v1/models/%ff%fe", "/api/v2/aibridge/anthropic/v1/models/%c0%af",
        "/api/v2/aibridge/openai/v1/models/%e2%82", "/api/v2/aibridge/openai/v1/models/%", "/api/v2/aibridge/openai/v1/models/%zz",
        "/api/v2/aibridge/anthropic/v1/models/a%1bb", "/api/v2/ai-gateway/copilot/models/%ed%a0%80"})
    void shouldRefusePassthroughPathsWhoseEscapesAreNotUtf8Text(String path) throws IOException {
        Answer answer = raw("GET " + path + " HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + gateway.admin() + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertProvidersShape(path, answer.json());
        assertNothingWentUpstream();
    }

    @Test
    void shouldExplainEveryLimitItRefusesInTheProvidersShape() throws IOException {
        String messages = "/api/v2/aibridge/anthropic/v1/messages";
        Answer longLine = raw("GET " + messages + "/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: gw\r\n\r\n");
        Answer bigHeaders = raw("POST " + messages + " HTTP/1.1\r\nHost: gw\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.json().path("error").path("message").asText()).isEqualTo("request line exceeds the limit of 4096 bytes");
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.json().path("error").path("message").asText())
                .isEqualTo("request header fields exceed the limit of 16384 bytes");
        assertProvidersShape(messages, bigHeaders.json());
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {": value\r\n", " X-Lead: space\r\n", "X(Note): a\r\n", "X Note: a\r\n"})
    void shouldRefuseHeaderNamesThatAreNotTokens(String header) throws IOException {
        Answer answer = raw("GET /api/v2/aibridge/anthropic/v1/models HTTP/1.1\r\nHost: gw\r\n" + header
                + "Authorization: Bearer " + gateway.admin() + "\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertProvidersShape("/api/v2/aibridge/anthropic/v1/models", answer.json());
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/aibridge/openai/v1/models", "/api/v2/aibridge/anthropic/v1/messages", "/nope"})
    void shouldRefuseHttp10WithA505ThatSaysWhyWhetherItOpensTheConnectionOrFollows(String path) throws IOException {
        String request = "GET " + path + " HTTP/1.0\r\nHost: gw\r\nAuthorization: Bearer " + gateway.admin() + "\r\n\r\n";
        for (Answer answer : new Answer[] {raw(request), raw("HEAD / HTTP/1.1\r\nHost: gw\r\n\r\n" + request, 2)}) {
            assertThat(answer.status()).isEqualTo(505);
            assertThat(answer.json().path("error").path("message").asText()).contains("HTTP/1.0 is not supported");
            assertProvidersShape(path, answer.json());
        }
        assertNothingWentUpstream();
    }

    @ParameterizedTest
    @ValueSource(strings = {"get /api/v2/aibridge/openai/v1/models", "Post /api/v2/aibridge/anthropic/v1/messages",
        "pOST /api/v2/ai-gateway/openai/v1/chat/completions", "head /"})
    void shouldRefuseAMethodThatIsNotUpperCaseInTheProvidersShape(String requestLine) throws IOException {
        String path = requestLine.substring(requestLine.indexOf(' ') + 1);
        Answer answer = raw(requestLine + " HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer " + gateway.admin()
                + "\r\nContent-Length: " + CHAT.length() + "\r\n\r\n" + CHAT);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").path("message").asText()).contains("case-sensitive");
        assertProvidersShape(path, answer.json());
        assertNothingWentUpstream();
    }

    @Test
    void shouldServeAChunkedBodyWithChunkExtensionsAndTrailers() throws IOException {
        String first = CHAT.substring(0, 20);
        String rest = CHAT.substring(20);
        Answer answer = raw("POST /api/v2/aibridge/openai/v1/chat/completions HTTP/1.1\r\nHost: gw\r\nAuthorization: Bearer "
                + gateway.admin() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(first.length()) + ";name=value;q=\"a;b\"\r\n" + first + "\r\n"
                + Integer.toHexString(rest.length()) + " ;ext\r\n" + rest + "\r\n"
                + "0;last\r\nX-Checksum: 1\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(gateway.upstream().received()).hasSize(upstreamCallsBefore + 1);
        assertThat(JSON.readTree(gateway.upstream().received().getLast().body()).path("messages").get(0).path("content").asText())
                .isEqualTo("hi");
    }

    // Anthropic's {"type":"error","error":{"type","message"}} on Anthropic routes, OpenAI's {"error":{...}} elsewhere.
    private static void assertProvidersShape(String path, JsonNode body) {
        assertThat(body.path("error").path("message").asText()).as("message in " + body).isNotBlank();
        assertThat(body.path("error").path("type").asText()).as("type in " + body).isNotBlank();
        if (path.contains("/anthropic/") || path.endsWith("/v1/messages")) {
            assertThat(body.path("type").asText()).as("Anthropic shape: " + body).isEqualTo("error");
        } else {
            assertThat(body.has("type")).as("OpenAI shape: " + body).isFalse();
            assertThat(body.path("error").has("code")).as("OpenAI shape: " + body).isTrue();
        }
    }

    private void assertNothingWentUpstream() {
        assertThat(gateway.upstream().received()).hasSize(upstreamCallsBefore);
    }

    /** Writes a request as-is and reads the first response on the connection. */
    private static Answer raw(String request) throws IOException {
        return raw(request, 1);
    }

    /** Writes requests as-is and reads the {@code nth} response on the connection, waiting until it is whole. */
    private static Answer raw(String request, int nth) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.root().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = "";
            for (int i = 0; i < nth; i++) {
                answer = readAnswer(in, i == 0 && request.startsWith("HEAD "));
            }
            return Answer.parse(answer);
        }
    }

    // One answer: its head up to the blank line, then as many bytes as its Content-Length says (none without one, or
    // when it answers a HEAD).
    private static String readAnswer(InputStream in, boolean bodiless) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (!got.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return got.toString(StandardCharsets.UTF_8);
            }
            got.write(b);
        }
        String head = got.toString(StandardCharsets.ISO_8859_1);
        int length = head.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        got.write(in.readNBytes(bodiless ? 0 : length));
        return got.toString(StandardCharsets.UTF_8);
    }

    private record Answer(int status, String body) {
        static Answer parse(String text) {
            assertThat(text).as("raw answer").startsWith("HTTP/1.1 ");
            int bodyStart = text.indexOf("\r\n\r\n") + 4;
            String head = text.substring(0, bodyStart);
            int length = head.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                    .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
            return new Answer(Integer.parseInt(text.substring(9, 12)), text.substring(bodyStart, bodyStart + length));
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }
}
