package dev.aigw.gateway.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import dev.aigw.testkit.logs.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dumps of real calls to a local server; the writer runs on the calling thread so every file can be read at once. */
class DumpsTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final ProviderConfig PROVIDER = new ProviderConfig(ProviderType.ANTHROPIC, "anthropic",
            URI.create("http://unused"), List.of(), Optional.empty());
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String FIRST = "event: a\ndata: {\"n\":1}\n\n";
    private static final String SECOND = "event: b\ndata: {\"n\":2}\n\n";
    private static final byte[] BODY = "{\"model\":\"anthropic/claude-sonnet-4\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private HttpServer server;
    private final CountDownLatch secondChunk = new CountDownLatch(1);

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().add("Set-Cookie", "session=abcdefghijklmnopqrstuvwxyz");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(FIRST.getBytes(StandardCharsets.UTF_8));
                out.flush();
                secondChunk.await(10, TimeUnit.SECONDS);
                out.write(SECOND.getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        secondChunk.countDown();
        server.stop(0);
    }

    @Test
    void shouldDumpTheRequestAndWriteTheResponseAsTheRelayReadsIt() throws Exception {
        Dump dump = dumps(dir).intercepted(PROVIDER, "anthropic/claude-sonnet-4", "id-1");
        HttpRequest request = post("/v1/messages");

        HttpResponse<InputStream> answer = send(dump, request, BODY);

        Path model = dir.resolve("anthropic-claude-sonnet-4");
        Path response = model.resolve(NOW + "-id-1.resp.txt");
        String head = "HTTP/1.1 200 OK\r\n";
        try (InputStream body = answer.body()) {
            assertThat(new String(body.readNBytes(FIRST.length()), StandardCharsets.UTF_8)).isEqualTo(FIRST);
            assertThat(Files.readString(response)).startsWith(head).endsWith("\r\n\r\n" + FIRST);
            secondChunk.countDown();
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(SECOND);
        }
        assertThat(Files.readString(response)).startsWith(head).endsWith("\r\n\r\n" + FIRST + SECOND)
                .contains("Set-Cookie: sess...wxyz\r\n").doesNotContain("abcdefghijklmnopqrstuvwxyz");
        assertThat(Files.readString(model.resolve(NOW + "-id-1.req.txt")))
                .startsWith("POST /v1/messages HTTP/1.1\r\n")
                .endsWith("\r\n\r\n{\n  \"model\": \"anthropic/claude-sonnet-4\"\n}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(response))).matches("rw-[r-]--[r-]--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(model))).matches("rwx[r-]-[x-][r-]-[x-]");
    }

    @Test
    void shouldNameAPassthroughDumpAfterThePathItSent() throws Exception {
        Dump dump = dumps(dir).passthrough(PROVIDER);
        secondChunk.countDown();

        try (InputStream body = send(dump, post("/v1/models"), BODY).body()) {
            body.readAllBytes();
        }

        try (Stream<Path> files = Files.list(dir.resolve("passthrough"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .satisfiesExactly(
                            req -> assertThat(req).matches(NOW + "-v1-models-[a-z0-9]{4}\\.req\\.txt"),
                            resp -> assertThat(resp).matches(NOW + "-v1-models-[a-z0-9]{4}\\.resp\\.txt"));
        }
    }

    @Test
    void shouldWriteTheTransportErrorWhenNothingAnswers() throws Exception {
        Dump dump = dumps(dir).intercepted(PROVIDER, "claude", "id-2");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/v1/messages"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();

        assertThatThrownBy(() -> send(dump, request, new byte[0])).isInstanceOf(IOException.class);

        assertThat(dir.resolve("claude").resolve(NOW + "-id-2.req.txt")).exists();
        assertThat(dir.resolve("claude").resolve(NOW + "-id-2.resp.txt")).doesNotExist();
        assertThat(Files.readString(dir.resolve("claude").resolve(NOW + "-id-2.req_error.txt"))).contains("ConnectException");
    }

    @Test
    void shouldGiveUpTheDumpWithOneWarningButRelayTheWholeBody() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        List<LogRecord> warnings;
        try (LogCapture capture = LogCapture.of(DumpWriter.class)) {
            Dump dump = dumps(notADirectory).intercepted(PROVIDER, "claude", "id-3");
            secondChunk.countDown();

            try (InputStream body = send(dump, post("/v1/messages"), BODY).body()) {
                assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(FIRST + SECOND);
            }
            warnings = capture.records();
        }
        assertThat(warnings).singleElement().satisfies(w -> assertThat(w.getLevel()).isEqualTo(Level.WARNING));
    }

    @Test
    void shouldKeepEveryModelNameInsideTheDumpDirectory() {
        assertThat(Dumps.fileName("openai/gpt-4.1")).isEqualTo("openai-gpt-4.1");
        assertThat(Dumps.fileName("../../etc")).isEqualTo("..-..-etc");
        assertThat(Dumps.fileName("..\\x")).isEqualTo("..-x");
        assertThat(Dumps.fileName("..")).isEqualTo("_");
        assertThat(Dumps.fileName("")).isEqualTo("_");
        assertThat(Dumps.fileName("a\u0000b\nc")).isEqualTo("a-b-c");
    }

    private static Dumps dumps(Path base) {
        return new Dumps(provider -> Optional.of(base), Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC),
                () -> Runnable::run);
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY)).build();
    }

    private static HttpResponse<InputStream> send(Dump dump, HttpRequest request, byte[] body)
            throws IOException, InterruptedException {
        return dump.send(CLIENT, request, body);
    }
}
