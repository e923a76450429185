package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.logs.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

    private void assertNothingWentUpstream() {
        assertThat(gateway.upstream().received()).hasSize(upstreamCallsBefore);
    }

    /** Writes a request as-is and reads the first response on the connection. */
    private static Answer raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.root().getPort())) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(got);
            } catch (SocketTimeoutException e) {
                // The server may keep the connection open; what arrived before the pause is the answer.
            }
            return Answer.parse(got.toString(StandardCharsets.UTF_8));
        }
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
