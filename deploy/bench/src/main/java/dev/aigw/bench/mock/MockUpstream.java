package dev.aigw.bench.mock;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A fake LLM provider for benchmarks: answers OpenAI Chat Completions, OpenAI Responses and Anthropic Messages
 * requests (on any path ending in {@code /chat/completions}, {@code /responses} or {@code /messages}) with the same
 * text every time, blocking or streamed as the request's {@code "stream"} asks, shaped by a {@link MockProfile}.
 * Answers are rendered once per profile, so a request costs reading its body and writing bytes.
 *
 * <p>Control endpoints: {@code GET /_mock/health}; {@code GET /_mock/profile}; {@code PUT /_mock/profile} with
 * {@code {"latency_ms", "deltas", "gap_ms", "content_bytes"}}, any of them, answering 204, or 400 when invalid.
 */
public final class MockUpstream implements AutoCloseable {
    // Helidon's CACHE_NO_CACHE is four values; providers send this one.
    private static final Header NO_CACHE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-cache");
    private static final byte[] HEALTHY = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);

    private final WebServer server;
    private volatile Rendering rendering;

    private MockUpstream(String host, int port, MockProfile initial) {
        rendering = Rendering.of(initial);
        server = WebServer.builder()
                .host(host)
                .port(port)
                // Without it Nagle holds a delta back until the client's delayed ACK (40 ms) of the one before.
                .connectionOptions(options -> options.tcpNoDelay(true))
                // The owner closes the mock; Helidon's hook would race a harness stopping it in its own hook.
                .shutdownHook(false)
                .routing(this::routing)
                .build()
                .start();
    }

    /** Starts the mock on {@code host}:{@code port}, any free port when {@code port} is 0. */
    public static MockUpstream start(String host, int port, MockProfile initial) {
        return new MockUpstream(host, port, initial);
    }

    /** The port the mock listens on. */
    public int port() {
        return server.port();
    }

    /** The profile requests are answered with now. */
    public MockProfile profile() {
        return rendering.profile();
    }

    /** Answers requests that arrive from now on with {@code profile}; streams under way finish as they began. */
    public void profile(MockProfile profile) {
        change(current -> profile);
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }

    // Serialized so that two partial updates of the control endpoint cannot lose one another's fields.
    private synchronized void change(UnaryOperator<MockProfile> update) {
        rendering = Rendering.of(update.apply(rendering.profile()));
    }

    private void routing(HttpRouting.Builder routing) {
        routing.get("/_mock/health", (req, res) -> res.header(HeaderValues.CONTENT_TYPE_JSON).send(HEALTHY))
                .get("/_mock/profile", (req, res) -> res.header(HeaderValues.CONTENT_TYPE_JSON)
                        .send(ProfileJson.render(profile())))
                .put("/_mock/profile", this::changeProfile)
                .post(this::answer)
                .any(MockUpstream::notFound);
    }

    private void changeProfile(ServerRequest req, ServerResponse res) {
        byte[] body = drain(req);
        try {
            change(current -> ProfileJson.update(current, body));
        } catch (IllegalArgumentException e) {
            res.status(Status.BAD_REQUEST_400).header(HeaderValues.CONTENT_TYPE_JSON)
                    .send(Json.error("invalid_request_error", e.getMessage()));
            return;
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void answer(ServerRequest req, ServerResponse res) {
        ApiFormat api = ApiFormat.forPath(req.path().path()).orElse(null);
        if (api == null) {
            notFound(req, res);
            return;
        }
        boolean streaming = StreamFlag.requested(drain(req));
        Rendering now = rendering;
        Answer answer = now.answers().get(api);
        if (!pause(now.profile().latency())) {
            res.status(Status.SERVICE_UNAVAILABLE_503).header(HeaderValues.CONTENT_TYPE_JSON)
                    .send(Json.error("unavailable", "the mock is stopping"));
        } else if (streaming) {
            stream(answer, now.profile().gap(), res);
        } else {
            res.header(HeaderValues.CONTENT_TYPE_JSON).send(answer.json());
        }
    }

    // Deltas are due at fixed times from the first one, so time spent writing does not add up over a long stream.
    private static void stream(Answer answer, Duration gap, ServerResponse res) {
        res.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM).header(NO_CACHE);
        List<byte[]> deltas = answer.deltas();
        try (OutputStream out = res.outputStream()) {
            send(out, answer.opening());
            long first = System.nanoTime();
            for (int i = 0; i < deltas.size(); i++) {
                if (!pause(Duration.ofNanos(first + i * gap.toNanos() - System.nanoTime()))) {
                    return;
                }
                send(out, deltas.get(i));
            }
            send(out, answer.closing());
        } catch (IOException | UncheckedIOException | CloseConnectionException e) {
            // The client went away mid-stream (Helidon says so with a CloseConnectionException): nobody is left to
            // tell, and the other connections go on.
        }
    }

    private static void send(OutputStream out, byte[] event) throws IOException {
        if (event.length > 0) {
            out.write(event);
            out.flush();
        }
    }

    /**
     * Sleeps; false when {@link #close()} interrupted the sleep, and the request should end now. The interrupt is
     * not restored: Helidon, finishing the request, would fail on it and log a stack trace.
     */
    private static boolean pause(Duration wait) {
        if (wait.isPositive()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    private static byte[] drain(ServerRequest req) {
        return req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
    }

    private static void notFound(ServerRequest req, ServerResponse res) {
        res.status(Status.NOT_FOUND_404).header(HeaderValues.CONTENT_TYPE_JSON).send(Json.error("not_found",
                "the mock has no " + req.prologue().method().text() + " " + req.path().path()));
    }

    /** A profile with its answers, swapped as one so that a request never mixes two profiles. */
    private record Rendering(MockProfile profile, Map<ApiFormat, Answer> answers) {
        static Rendering of(MockProfile profile) {
            return new Rendering(profile, ApiFormat.ALL.stream()
                    .collect(Collectors.toUnmodifiableMap(api -> api, api -> api.render(profile))));
        }
    }
}
