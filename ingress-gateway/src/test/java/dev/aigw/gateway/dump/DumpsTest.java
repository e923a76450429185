package dev.aigw.gateway.dump;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.testkit.logs.LogCapture;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.URI;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dumps of calls as the upstream caller feeds them: the request, then the answer whose body arrives in two events, the
 * second only when a test lets it. The writer runs on the calling thread so every file can be read at once.
 */
class DumpsTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final ProviderConfig PROVIDER = new ProviderConfig(ProviderType.ANTHROPIC, "anthropic",
            URI.create("http://unused"), List.of(), Optional.empty());
    private static final String FIRST = "event: a\ndata: {\"n\":1}\n\n";
    private static final String SECOND = "event: b\ndata: {\"n\":2}\n\n";
    private static final byte[] BODY = "{\"model\":\"anthropic/claude-sonnet-4\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private final CountDownLatch secondChunk = new CountDownLatch(1);

    @Test
    void shouldDumpTheRequestAndWriteTheResponseAsTheRelayReadsIt() throws Exception {
        Dump dump = dumps(dir).intercepted(PROVIDER, "anthropic/claude-sonnet-4", "id-1");

        InputStream answer = send(dump, "/v1/messages");

        Path model = dir.resolve("anthropic-claude-sonnet-4");
        Path response = model.resolve(NOW + "-id-1.resp.txt");
        String head = "HTTP/1.1 200 OK\r\n";
        try (InputStream body = answer) {
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

        try (InputStream body = send(dump, "/v1/models")) {
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

        dump.request(Method.POST, URI.create("http://127.0.0.1:9/v1/messages"), WritableHeaders.create(), new byte[0]);
        dump.failed(new ConnectException("Connection refused"));

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

            try (InputStream body = send(dump, "/v1/messages")) {
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

    // The answer as the relay gets it: the provider's head and body, in the dump's hands.
    private InputStream send(Dump dump, String path) {
        dump.request(Method.POST, URI.create("http://127.0.0.1:8080" + path), WritableHeaders.create(), BODY);
        WritableHeaders<?> headers = WritableHeaders.create()
                .add(HeaderNames.CONTENT_TYPE, "text/event-stream")
                .add(HeaderNames.SET_COOKIE, "session=abcdefghijklmnopqrstuvwxyz");
        InputStream second = new InputStream() {
            private InputStream rest;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (rest == null) {
                    awaitSecondChunk();
                    rest = new ByteArrayInputStream(SECOND.getBytes(StandardCharsets.UTF_8));
                }
                return rest.read(buffer, offset, length);
            }
        };
        return dump.response(200, headers,
                new SequenceInputStream(new ByteArrayInputStream(FIRST.getBytes(StandardCharsets.UTF_8)), second));
    }

    private void awaitSecondChunk() throws InterruptedIOException {
        try {
            if (!secondChunk.await(10, TimeUnit.SECONDS)) {
                throw new InterruptedIOException("the second chunk was never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
