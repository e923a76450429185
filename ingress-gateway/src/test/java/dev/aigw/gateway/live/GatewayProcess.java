package dev.aigw.gateway.live;

import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Jdks;
import dev.aigw.engines.Ports;
import dev.aigw.gateway.GatewayMain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway node as a child JVM running {@link GatewayMain} from this test's classpath, for tests that end it the way
 * an operator or a crash does: SIGTERM or SIGKILL.
 */
public final class GatewayProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration START = Duration.ofSeconds(90);

    private final ChildProcess process;
    private final int port;

    private GatewayProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a node with {@code env} on a free port, logging to {@code target/<name>.log}, and waits until it is ready. */
    public static GatewayProcess start(String name, Map<String, String> env) {
        int port = Ports.freePort();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("CODER_AI_GATEWAY_PORT", Integer.toString(port));
        List<String> command = List.of(Jdks.currentJava().toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                GatewayMain.class.getName());
        Path target = Path.of("target");
        Path log = (Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir"))).toAbsolutePath()
                .resolve(name + "-" + port + ".log");
        ChildProcess process = ChildProcess.start("gateway " + name, command, withPort, Path.of("").toAbsolutePath(), log);
        GatewayProcess gateway = new GatewayProcess(process, port);
        process.awaitReady(START, () -> gateway.ready().map(r -> r.statusCode() == 200).orElse(false));
        return gateway;
    }

    /** The node's URL for a path, e.g. {@code /api/v2/aibridge/anthropic/v1/messages}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The answer to {@code GET /health/ready}; empty when nothing answers. */
    public Optional<HttpResponse<String>> ready() {
        try {
            return Optional.of(HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The process. */
    public ChildProcess process() {
        return process;
    }

    /** SIGKILL: the node dies at once, as in a crash. */
    public void kill() {
        process.kill();
    }

    /** SIGTERM, then waits for the node to exit. */
    public void terminate() {
        process.stop();
    }

    @Override
    public void close() {
        process.stop();
    }
}
