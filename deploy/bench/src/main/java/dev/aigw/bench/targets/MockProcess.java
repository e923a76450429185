package dev.aigw.bench.targets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.bench.mock.MockMain;
import dev.aigw.bench.mock.MockProfile;
import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Jdks;
import dev.aigw.engines.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The mock upstream in a JVM of its own, beside the harness, and its profile switched over HTTP between scenarios. */
public final class MockProcess implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private MockProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the mock on a free port with the instant profile. */
    public static MockProcess start(Workspace workspace) {
        int port = Ports.freePort();
        List<String> command = List.of(Jdks.currentJava().toString(), "-Xms256m", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), MockMain.class.getName(), "--port", Integer.toString(port));
        ChildProcess process = ChildProcess.start("mock", command, Map.of(), workspace.root(), workspace.log("mock"));
        process.awaitReady(READY, () -> Ports.isListening(port));
        return new MockProcess(process, port);
    }

    public int port() {
        return port;
    }

    /** The mock called directly: the baseline every other target is compared with. */
    public Target direct() {
        return new Target("direct", "the mock upstream called directly (Helidon, JDK " + Runtime.version().feature() + ")",
                port, "/v1/chat/completions", Map.of("Authorization", "Bearer sk-mock"), Optional.empty());
    }

    /** Switches how the mock answers from now on. */
    public void profile(MockProfile profile) {
        Map<String, Object> body = Map.of("latency_ms", profile.latency().toMillis(), "deltas", profile.deltas(),
                "gap_ms", profile.gap().toMillis(), "content_bytes", profile.contentBytes());
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_mock/profile"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json").build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("the mock refused profile " + body + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the mock: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while switching the mock's profile", e);
        }
    }

    @Override
    public void close() {
        http.close();
        process.stop();
    }
}
