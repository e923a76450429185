package dev.aigw.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpConnectionTest {
    static String body(Exchange exchange) {
        return new String(exchange.body(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAContentLengthBodyAndHeadersWhateverTheirCase() throws IOException {
        try (TestServer server = TestServer.start(TestServer.text(200, "hello", "X-AI-Gateway-Interception-Id: i-1"))) {
            long before = System.nanoTime();

            Exchange exchange = HttpConnection.exchange(server.call(false));

            assertThat(exchange.status()).isEqualTo(200);
            assertThat(exchange.header("x-ai-gateway-interception-id")).contains("i-1");
            assertThat(exchange.header("Content-Length")).contains("5");
            assertThat(body(exchange)).isEqualTo("hello");
            assertThat(exchange.endedAt()).isBetween(before, System.nanoTime());
        }
    }

    @Test
    void shouldJoinChunksAndSkipExtensionsAndTrailers() throws IOException {
        TestServer.Answer chunked = (socket, out) -> {
            TestServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            TestServer.write(out, TestServer.chunk("data: 1\n"));
            TestServer.write(out, "1;ext=x\r\n\n\r\n" + TestServer.chunk("tail") + "0\r\nTrailer: t\r\n\r\n");
        };
        try (TestServer server = TestServer.start(chunked); HttpConnection connection = new HttpConnection(
                server.call(true))) {
            assertThat(body(connection.exchange())).isEqualTo("data: 1\n\ntail");
            assertThat(body(connection.exchange())).isEqualTo("data: 1\n\ntail");
            assertThat(server.connections).hasValue(1);
        }
    }

    @Test
    void shouldReadABodyToItsEndWhenTheServerClosesAndThenReconnect() throws IOException {
        TestServer.Answer closing = (socket, out) -> {
            TestServer.write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it");
            socket.close();
        };
        try (TestServer server = TestServer.start(closing); HttpConnection connection = new HttpConnection(
                server.call(false))) {
            assertThat(body(connection.exchange())).isEqualTo("all of it");
            assertThat(body(connection.exchange())).isEqualTo("all of it");
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void shouldFailAnAnswerCutShortAndReconnectForTheNext() throws IOException {
        AtomicInteger answers = new AtomicInteger();
        TestServer.Answer cutOnce = (socket, out) -> {
            if (answers.getAndIncrement() == 0) {
                TestServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
                socket.close();
            } else {
                TestServer.text(200, "whole").write(socket, out);
            }
        };
        try (TestServer server = TestServer.start(cutOnce); HttpConnection connection = new HttpConnection(
                server.call(false))) {
            assertThatThrownBy(connection::exchange).isInstanceOf(IOException.class);
            assertThat(body(connection.exchange())).isEqualTo("whole");
        }
    }

    @Test
    void shouldKeepTheStatusAndBodyOfAnErrorAndTheConnectionWithThem() throws IOException {
        try (TestServer server = TestServer.start(TestServer.text(503, "busy")); HttpConnection connection =
                new HttpConnection(server.call(false))) {
            Exchange first = connection.exchange();
            connection.exchange();

            assertThat(first.status()).isEqualTo(503);
            assertThat(body(first)).isEqualTo("busy");
            assertThat(server.connections).hasValue(1);
        }
    }
}
