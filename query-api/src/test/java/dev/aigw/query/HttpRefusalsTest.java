package dev.aigw.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.control.MasterKey;
import dev.aigw.servicekit.body.RequestBodies;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API's listener and routing as {@link QueryApi} builds them, on a real socket, answering what an HTTP client
 * library would never send: each refusal is a 4xx (or 505) with a body in the API's error shape, never a 500.
 */
class HttpRefusalsTest {
    private static final int MAX_BODY = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebServer server;

    @BeforeAll
    static void start() {
        QueryConfig config = QueryConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate(),
                "CODER_AI_GATEWAY_QUERY_PORT", "0", "CODER_AI_GATEWAY_QUERY_MAX_BODY_BYTES", String.valueOf(MAX_BODY)));
        // A route of this test that reads the whole body, as the admin routes do.
        HttpService echo = rules -> rules.post("/echo", (req, res) -> res.send(RequestBodies.read(req)));
        server = QueryApi.listener(WebServer.builder().host(config.host()).port(config.port()), config)
                .routing(r -> QueryApi.routing(r, List.of(), List.of(echo)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void shouldServeAnOrdinaryRequest() throws Exception {
        Answer ok = send("GET /openapi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(ok.status()).isEqualTo(200);
        Answer echoed = send("POST /api/v2/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(echoed.status()).isEqualTo(200);
        assertThat(echoed.body()).isEqualTo("hello");
    }

    @Test
    void shouldRefuseEveryPathThatNormalisesIntoAnotherRoute() throws Exception {
        List<String> tricks = List.of("..", ".", "%2e%2e", "%2E%2e", ".%2e", "%2e", "..%2f..", "a%2Fb", "a%5cb", "a\\b",
                "%00", "%0a", "%0D", "%1f", "%7F", "%zz", "%4", "%");
        List<String> paths = new ArrayList<>();
        for (String trick : tricks) {
            paths.add("/api/v2/aibridge/interceptions/" + trick + "/keys");
            paths.add("/api/v2/aibridge/" + trick);
            paths.add("/" + trick + "/api/v2/keys");
        }
        for (String path : paths) {
            Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).as(path).isNotEmpty();
            assertThat(answer.json().path("detail").asText()).as(path).isNotEmpty();
        }
    }

    @Test
    void shouldRefuseALowercaseMethodAndAnEmptyHeaderNameWithABody() throws Exception {
        Answer lowercase = send("get /openapi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Answer emptyName = send("GET /openapi HTTP/1.1\r\nHost: x\r\n: nameless\r\nConnection: close\r\n\r\n");

        assertThat(lowercase.status()).isEqualTo(400);
        assertThat(lowercase.json().path("detail").asText()).contains("case-sensitive");
        assertThat(emptyName.status()).isEqualTo(400);
        assertThat(emptyName.json().path("message").asText()).isNotEmpty();
    }

    @Test
    void shouldRefuseHttp10With505AndAReason() throws Exception {
        Answer answer = send("GET /openapi HTTP/1.0\r\nHost: x\r\n\r\n");

        assertThat(answer.status()).isEqualTo(505);
        assertThat(answer.json().path("detail").asText()).contains("HTTP/1.1");
    }

    @Test
    void shouldAnswerOversizedRequestLinesHeadersAndBodiesWithTheirStatusAndABody() throws Exception {
        Answer longLine = send("GET /openapi?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        Answer bigHeaders = send("GET /openapi HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(17_000) + "\r\n\r\n");
        Answer declared = send("POST /api/v2/echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n"
                + "c".repeat(MAX_BODY + 1));
        String chunk = "d".repeat(MAX_BODY);
        Answer chunked = send("POST /api/v2/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n" + "10\r\n" + "e".repeat(16) + "\r\n0\r\n\r\n");

        assertThat(longLine.status()).isEqualTo(414);
        assertThat(longLine.json().path("detail").asText()).contains("4096");
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.json().path("detail").asText()).contains("16384");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().path("detail").asText()).contains(String.valueOf(MAX_BODY));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().path("detail").asText()).contains(String.valueOf(MAX_BODY));
    }

    @Test
    void shouldRefuseAMalformedQueryStringWith400() throws Exception {
        Answer answer = send("GET /openapi?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).isNotEmpty();
    }

    @Test
    void shouldRefuseQueryStringsThatAreNotUtf8OrRepeatAParameter() throws Exception {
        for (String query : List.of("q=%ff", "q=%c0%af", "q=a%ed%a0%80", "limit=1&limit=2", "q=a&q=b")) {
            Answer answer = send("GET /openapi?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(query).isNotEmpty();
        }
    }

    @Test
    void shouldRefuseABadlyFramedBodyWith400AndServeChunkExtensions() throws Exception {
        String post = "POST /api/v2/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (String framing : List.of("zz\r\nabc\r\n0\r\n\r\n", "-5\r\nabc\r\n0\r\n\r\n",
                "fffffffffffffffffffff\r\nabc\r\n0\r\n\r\n", "3\r\nabcXY4\r\nabcd\r\n0\r\n\r\n")) {
            Answer answer = send(post + framing);

            assertThat(answer.status()).as(framing).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(framing).contains("request body");
        }
        Answer served = send(post + "3;name=value\r\nabc\r\n2 ; x\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("abcde");
    }

    @Test
    void shouldRefuseABodyShorterThanItsLength() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write("POST /api/v2/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nabc"
                    .getBytes(StandardCharsets.ISO_8859_1));
            socket.shutdownOutput();
            Answer answer = Answer.parse(readAnswer(socket.getInputStream()));

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).contains("ended before its declared length");
        }
    }

    private static Answer send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before the whole request is written; its answer is still there.
            }
            return Answer.parse(readAnswer(socket.getInputStream()));
        }
    }

    /** One answer: the head up to its blank line, then as many bytes as its Content-Length says. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int length = -1;
        for (int b; length < 0 || bytes.size() < length; ) {
            b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
            String head = bytes.toString(StandardCharsets.ISO_8859_1);
            if (length < 0 && head.endsWith("\r\n\r\n")) {
                var m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
                length = head.length() + (m.find() ? Integer.parseInt(m.group(1)) : 0);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private record Answer(int status, String body) {
        static Answer parse(String raw) {
            assertThat(raw).as("an answer").startsWith("HTTP/1.1 ");
            int bodyStart = raw.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(raw.substring(9, 12)), bodyStart < 0 ? "" : raw.substring(bodyStart + 4));
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
