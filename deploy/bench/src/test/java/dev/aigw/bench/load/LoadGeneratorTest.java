package dev.aigw.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Bounds are loose on purpose: the machine running the tests may be busy, so only lower bounds are timed. */
class LoadGeneratorTest {
    @Test
    void shouldCountEveryAnswerOfAClosedRunThatEndedInItsWindow() throws IOException {
        try (TestServer server = TestServer.start(TestServer.text(200, "{}"))) {
            LoadResult result = LoadGenerator.run(server.call(false), new Load.Closed(4, Duration.ofMillis(500)));

            assertThat(result.ok()).isPositive();
            assertThat(result.failed()).isZero();
            assertThat((long) server.requests.get()).isBetween(result.ok(), result.ok() + 4);
            // One kept-alive connection per worker at most: a busy machine may start a worker only after the window
            // closed, so fewer is fine, more would mean a connection per request.
            assertThat(server.connections.get()).isBetween(1, 4);
            assertThat(result.total().count()).isEqualTo(result.ok());
            assertThat(result.firstByte().p50()).isPositive().isLessThanOrEqualTo(result.total().p50());
            assertThat(result.eventGap()).isEqualTo(Percentiles.NONE);
            assertThat(result.perSecond()).isEqualTo(result.ok() / 0.5);
        }
    }

    @Test
    void shouldStartStaggeredConnectionsApartNotTogether() throws IOException {
        List<Long> firsts = Collections.synchronizedList(new ArrayList<>());
        Set<Socket> seen = ConcurrentHashMap.newKeySet();
        TestServer.Answer answer = (socket, out) -> {
            if (seen.add(socket)) {
                firsts.add(System.nanoTime());
            }
            TestServer.text(200, "{}").write(socket, out);
        };
        try (TestServer server = TestServer.start(answer)) {
            LoadGenerator.run(server.call(false), new Load.Closed(4, Duration.ofMillis(800), Duration.ofMillis(400)));
        }

        List<Long> sorted = firsts.stream().sorted().toList();
        assertThat(sorted).hasSize(4);
        // Due 300 ms apart first to last. A busy machine may start any connection late, the first included, which
        // narrows the spread; half of it still tells staggered starts from a burst, whose spread is near 0.
        assertThat(Duration.ofNanos(sorted.getLast() - sorted.getFirst())).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void shouldSendAnOpenRunsRequestsAtItsRate() throws IOException {
        try (TestServer server = TestServer.start(TestServer.text(200, "{}"))) {
            LoadResult result = LoadGenerator.run(server.call(false), new Load.Open(200, Duration.ofSeconds(1)));

            assertThat(result.ok() + result.failed()).isEqualTo(200);
            assertThat(result.ok()).isGreaterThanOrEqualTo(190);
            assertThat(server.requests.get()).isBetween(190, 200);
            assertThat(result.perSecond()).isGreaterThanOrEqualTo(190);
        }
    }

    @Test
    void shouldCountLatencyFromTheDueTimeWhenTheTargetFallsBehind() throws IOException {
        TestServer.Answer slow = (socket, out) -> {
            Thread.sleep(50);
            TestServer.text(200, "{}").write(socket, out);
        };
        try (TestServer server = TestServer.start(slow)) {
            LoadResult result = LoadGenerator.run(server.call(false), new Load.Open(100, Duration.ofMillis(500)));

            assertThat(result.ok()).isEqualTo(50);
            assertThat(result.total().p50()).isGreaterThanOrEqualTo(45_000);
            assertThat(server.connections.get()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void shouldCountErrorStatusesAsFailed() throws IOException {
        try (TestServer server = TestServer.start(TestServer.text(500, "oops"))) {
            LoadResult result = LoadGenerator.run(server.call(false), new Load.Closed(2, Duration.ofMillis(300)));

            assertThat(result.ok()).isZero();
            assertThat(result.failed()).isPositive();
            assertThat(result.total()).isEqualTo(Percentiles.NONE);
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void shouldCountRefusedConnectionsAsFailed() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Call call = new Call("127.0.0.1", port, "GET", "/", Map.of(), new byte[0], false);

        LoadResult result = LoadGenerator.run(call, new Load.Closed(1, Duration.ofMillis(200)));

        assertThat(result.ok()).isZero();
        assertThat(result.failed()).isPositive();
    }

    @Test
    void shouldTimeTheGapsBetweenEventsOfAStream() throws IOException {
        try (TestServer server = TestServer.start(TestServer.events(5, 30))) {
            LoadResult result = LoadGenerator.run(server.call(true), new Load.Closed(2, Duration.ofMillis(700)));

            assertThat(result.ok()).isPositive();
            assertThat(result.failed()).isZero();
            assertThat(result.eventGap().count()).isEqualTo(4 * result.ok());
            assertThat(result.eventGap().p50()).isGreaterThanOrEqualTo(25_000);
            assertThat(result.total().p50()).isGreaterThanOrEqualTo(4 * 25_000);
            assertThat(result.firstByte().p50()).isLessThan(result.total().p50());
        }
    }
}
