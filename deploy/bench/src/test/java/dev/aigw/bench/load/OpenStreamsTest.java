package dev.aigw.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class OpenStreamsTest {
    /** Sends the head and one event, then holds the stream until the client goes. */
    static final TestServer.Answer HELD = (socket, out) -> {
        TestServer.write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        TestServer.write(out, TestServer.chunk("data: 0\n\n"));
        while (socket.getInputStream().read() >= 0) {
            // waiting for the client to close
        }
        socket.close();
    };

    @Test
    void shouldHoldEveryStreamOpenUntilClosed() throws IOException, InterruptedException {
        try (TestServer server = TestServer.start(HELD)) {
            OpenStreams streams = OpenStreams.open(server.call(true), 200, Duration.ofSeconds(10));

            assertThat(streams.established()).isEqualTo(200);
            assertThat(streams.live()).isEqualTo(200);
            assertThat(server.open).hasValue(200);

            streams.close();

            assertThat(streams.live()).isZero();
            waitUntilNoneOpen(server.open::get);
            assertThat(server.open).hasValue(0);
        }
    }

    @Test
    void shouldStillCountAStreamThatEndedAsEstablished() throws IOException, InterruptedException {
        try (TestServer server = TestServer.start(TestServer.events(2, 0));
             OpenStreams streams = OpenStreams.open(server.call(true), 3, Duration.ofSeconds(10))) {
            waitUntilNoneOpen(streams::live);

            assertThat(streams.established()).isEqualTo(3);
            assertThat(streams.live()).isZero();
        }
    }

    static void waitUntilNoneOpen(IntSupplier open) throws InterruptedException {
        for (int i = 0; i < 100 && open.getAsInt() > 0; i++) {
            Thread.sleep(20);
        }
    }
}
