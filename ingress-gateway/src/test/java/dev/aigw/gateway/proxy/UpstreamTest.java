package dev.aigw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.dump.Dump;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Calls to a provider that is a raw socket, so that the bytes on the wire and how it misbehaves are exact. */
class UpstreamTest {
    private static final UpstreamTimeouts TIMEOUTS =
            new UpstreamTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300));
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    private final Upstream upstream = new Upstream(TIMEOUTS, Clock.systemUTC());
    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        upstream.close();
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    @Test
    void shouldSendPathAndQueryAsGivenAndRelayTheBodyUndecoded() throws IOException {
        byte[] gzipped = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Provider provider = provider(out -> respond(out, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                + gzipped.length + "\r\n\r\n", gzipped));
        String target = "/v1/models/a%2Fb;v=1?b=2&a=1&a=3&flag&x=a+b%2Fc&e=";

        try (Answer answer = get(provider, target)) {
            assertThat(answer.body().readAllBytes()).isEqualTo(gzipped);
        }

        String head = provider.heads.getFirst();
        assertThat(head).startsWith("GET " + target + " HTTP/1.1\r\n")
                .containsIgnoringCase("\r\nHost: 127.0.0.1:" + provider.port() + "\r\n")
                .doesNotContainIgnoringCase("accept-encoding").doesNotContainIgnoringCase("expect");
    }

    @Test
    void shouldKeepTheConnectionForTheNextCallOnceABodyIsReadToItsEnd() throws IOException {
        Provider provider = provider(out -> respond(out, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", "{}"));

        for (int i = 0; i < 3; i++) {
            try (Answer answer = get(provider, "/v1/models")) {
                assertThat(answer.body().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("{}");
            }
        }

        assertThat(provider.connections).hasSize(1);
        assertThat(provider.heads).hasSize(3);
    }

    @Test
    void shouldReadNoBodyOfAnAnswerToHead() throws IOException {
        Provider provider = provider(out -> respond(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", ""));

        try (Answer answer = upstream.call(Method.HEAD, provider.uri("/v1/models"), WritableHeaders.create(),
                new byte[0], Dump.NONE)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().read()).isEqualTo(-1);
        }
    }

    @Test
    void shouldEndABodyOfNoLengthWhereTheProviderClosesTheConnection() throws IOException {
        Provider provider = provider(out -> {
            respond(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", "all of it");
            out.close();
        });

        try (Answer answer = get(provider, "/v1/models")) {
            assertThat(answer.body().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("all of it");
        }
    }

    @Test
    void shouldFailABodyTheProviderCutShort() throws IOException {
        Provider provider = provider(out -> {
            respond(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", "only this");
            out.close();
        });

        try (Answer answer = get(provider, "/v1/models")) {
            assertThatThrownBy(() -> answer.body().readAllBytes()).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void shouldTimeOutABodyThatStallsAsIdleAndHeadersThatDoNotComeAsFirstByte() throws IOException {
        Provider stalled = provider(out -> {
            respond(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "5\r\nfirst\r\n");
            pause(5000);
        });
        Provider silent = provider(out -> pause(5000));

        try (Answer answer = get(stalled, "/v1/messages")) {
            byte[] first = answer.body().readNBytes(5);
            assertThat(first).asString(StandardCharsets.UTF_8).isEqualTo("first");
            IOException stall = readFails(answer.body());
            assertThat(UpstreamFailure.reading(stall, TIMEOUTS).type()).isEqualTo("upstream_idle_timeout");
        }
        assertThatThrownBy(() -> get(silent, "/v1/messages")).isInstanceOf(SocketTimeoutException.class)
                .satisfies(e -> assertThat(UpstreamFailure.of((IOException) e, TIMEOUTS).message())
                        .isEqualTo("no response from the provider within 300ms"));
    }

    @Test
    void shouldEndACallWhoseRequestTheProviderDoesNotReadAtTheFirstByteDeadline() throws Exception {
        ServerSocket deaf = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        opened.add(deaf);
        URI target = URI.create("http://127.0.0.1:" + deaf.getLocalPort() + "/v1/messages");
        // More than the socket buffers on both ends take, so that the write blocks.
        byte[] body = new byte[64 << 20];
        CompletableFuture<IOException> failure = new CompletableFuture<>();

        Thread.ofVirtual().start(() -> failure.complete(callFails(target, body)));

        assertThat(UpstreamFailure.of(failure.get(10, TimeUnit.SECONDS), TIMEOUTS).message())
                .isEqualTo("no response from the provider within 300ms");
    }

    @Test
    void shouldTellAConnectTimeoutFromOtherFailures() throws IOException {
        // A listener whose backlog is full lets further connection attempts wait unanswered.
        ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        opened.add(full);
        for (int i = 0; i < 4; i++) {
            Socket waiting = new Socket();
            opened.add(waiting);
            try {
                waiting.connect(full.getLocalSocketAddress(), 100);
            } catch (SocketTimeoutException e) {
                break;
            }
        }
        URI unanswered = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/v1/messages");
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0)) {
            closedPort = gone.getLocalPort();
        }
        URI refused = URI.create("http://127.0.0.1:" + closedPort + "/v1/messages");
        Provider mute = provider(out -> pause(5000));

        IOException timeout = callFails(unanswered);
        IOException handshake = callFails(URI.create("https://127.0.0.1:" + mute.port() + "/v1/messages"));
        IOException unreachable = callFails(refused);

        assertThat(UpstreamFailure.of(timeout, TIMEOUTS).message())
                .isEqualTo("no connection to the provider within 300ms");
        assertThat(UpstreamFailure.of(handshake, TIMEOUTS).message())
                .isEqualTo("no connection to the provider within 300ms");
        assertThat(UpstreamFailure.of(unreachable, TIMEOUTS).type()).isEqualTo("upstream_unreachable");
        assertThat(UpstreamFailure.of(unreachable, TIMEOUTS).message())
                .startsWith("upstream unreachable: ConnectException");
    }

    private Answer get(Provider provider, String target) throws IOException {
        WritableHeaders<?> headers = WritableHeaders.create().add(HeaderNames.HOST, "127.0.0.1:" + provider.port());
        return upstream.call(Method.GET, provider.uri(target), headers, new byte[0], Dump.NONE);
    }

    private IOException callFails(URI target) {
        return callFails(target, new byte[0]);
    }

    private IOException callFails(URI target, byte[] body) {
        try (Answer answer = upstream.call(Method.POST, target, WritableHeaders.create(), body, Dump.NONE)) {
            throw new AssertionError("answered " + answer.status());
        } catch (IOException e) {
            return e;
        }
    }

    private static IOException readFails(InputStream body) {
        try {
            body.readAllBytes();
            throw new AssertionError("the body ended");
        } catch (IOException e) {
            return e;
        }
    }

    private Provider provider(Responder responder) throws IOException {
        Provider provider = new Provider(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), responder);
        opened.add(provider);
        Thread.ofVirtual().start(provider::serve);
        return provider;
    }

    private static void respond(OutputStream out, String head, String body) throws IOException {
        respond(out, head, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the answer to one request. */
    private interface Responder {
        void answer(OutputStream out) throws IOException;
    }

    /** A provider that reads requests off each connection, keeps their heads, and answers with its responder. */
    private record Provider(ServerSocket server, Responder responder, List<String> heads, List<Socket> connections)
            implements AutoCloseable {
        Provider(ServerSocket server, Responder responder) {
            this(server, responder, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        int port() {
            return server.getLocalPort();
        }

        URI uri(String target) {
            return URI.create("http://127.0.0.1:" + port() + target);
        }

        void serve() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.add(socket);
                    Thread.ofVirtual().start(() -> converse(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void converse(Socket socket) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                for (String head = head(in); head != null; head = head(in)) {
                    heads.add(head);
                    Matcher length = CONTENT_LENGTH.matcher(head);
                    in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                    responder.answer(out);
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }
}
