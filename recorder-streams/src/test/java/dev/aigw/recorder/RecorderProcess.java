package dev.aigw.recorder;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.engines.ChildProcess;
import dev.aigw.engines.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@link RecorderMain} in a JVM of its own, as it runs in production, on the test's classpath. */
final class RecorderProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ChildProcess process;
    private final int port;

    private RecorderProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a recorder with {@code env} (its health port chosen here) and waits until it is ready. */
    static RecorderProcess start(Map<String, String> env, String logName) {
        int port = env.containsKey("CODER_AI_GATEWAY_RECORDER_PORT") && !env.get("CODER_AI_GATEWAY_RECORDER_PORT").equals("0")
                ? Integer.parseInt(env.get("CODER_AI_GATEWAY_RECORDER_PORT")) : Ports.freePort();
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("CODER_AI_GATEWAY_RECORDER_PORT", Integer.toString(port));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ChildProcess child = ChildProcess.start("recorder", List.of(java, "-Xmx512m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), RecorderMain.class.getName()), withPort, Path.of("."),
                Path.of("target", logName));
        child.awaitReady(Duration.ofSeconds(120), () -> ready(port));
        return new RecorderProcess(child, port);
    }

    /** SIGKILL: no shutdown hook runs, nothing is committed or flushed. */
    void kill() {
        ProcessHandle.of(process.pid()).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** CPU time the recorder's JVM has used so far, every thread included (Streams, sink, driver, GC, JIT). */
    double cpuSeconds() {
        return ProcessHandle.of(process.pid()).flatMap(p -> p.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("the recorder's CPU time is not readable"))
                .toNanos() / 1e9;
    }

    /** Rows the sink has written to Cassandra so far, as its health details report them. */
    long rowsWritten() {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return new ObjectMapper().readTree(body).findValue("rows_written").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean ready(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** SIGTERM: the shutdown hook commits what was processed and written. */
    @Override
    public void close() {
        process.stop();
    }
}
