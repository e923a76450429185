package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aigw.engines.Ports;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.live.GatewayProcess;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.gateway.live.TopicReader;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM while a slow stream runs: the node stops taking connections, lets the stream finish, and records it. */
@ExtendWith(RealStack.class)
class GracefulShutdownIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Txtar FIXTURE = Txtar.fixture("anthropic/simple.txtar");
    private static final String ADMIN = "admin-" + UUID.randomUUID();
    private static final Duration BETWEEN_EVENTS = Duration.ofMillis(150);

    @TempDir
    Path dataDir;

    @Test
    void shouldLetAStreamInFlightFinishAfterSigtermAndRecordItBeforeExiting() throws Exception {
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slow.createContext("/", GracefulShutdownIT::drip);
        slow.start();
        String topic = RealStack.unique("interceptions");
        RealStack.createTopics(1, topic);
        Map<String, String> env = new HashMap<>(LiveGateway.environment(RealStack.kafkaBootstrap(), topic, ADMIN,
                URI.create("http://127.0.0.1:" + slow.getAddress().getPort())));
        env.put("CODER_AI_GATEWAY_DATA_DIR", dataDir.toString());
        env.put("CODER_AI_GATEWAY_DRAIN_TIME", "20s");
        try (GatewayProcess node = GatewayProcess.start("draining-gateway", env);
             TopicReader reader = new TopicReader(RealStack.kafkaBootstrap(), topic)) {
            HttpResponse<InputStream> answer = HttpClient.newHttpClient()
                    .send(streamingRequest(node), HttpResponse.BodyHandlers.ofInputStream());
            BufferedReader body = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
            StringBuilder received = new StringBuilder(body.readLine()).append('\n');

            long sigterm = System.nanoTime();
            Thread stopper = Thread.ofPlatform().start(node::terminate);
            RealStack.await(Duration.ofSeconds(10), () -> Ports.isListening(node.port()) ? null : true);
            Duration closedAfter = Duration.ofNanos(System.nanoTime() - sigterm);
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                received.append(line).append('\n');
            }
            Duration streamEndedAfter = Duration.ofNanos(System.nanoTime() - sigterm);
            stopper.join(Duration.ofSeconds(60));
            Duration exitedAfter = Duration.ofNanos(System.nanoTime() - sigterm);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(closedAfter).as("listener closed while the stream still ran").isLessThan(streamEndedAfter);
            assertThat(received.toString()).isEqualTo(FIXTURE.required("streaming"));
            assertThat(node.process().isAlive()).isFalse();
            assertThat(Files.readString(node.process().log())).contains("event sink closed: every event delivered");
            String id = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
            List<InterceptionEvent> recorded = reader.readUntil(Duration.ofSeconds(20), read -> read.stream()
                    .anyMatch(e -> e.getInterceptionId().equals(id) && e.getPayload() instanceof InterceptionEnded));
            assertThat(recorded).filteredOn(e -> e.getPayload() instanceof InterceptionEnded).singleElement()
                    .satisfies(e -> assertThat(((InterceptionEnded) e.getPayload()).getStatus()).isEqualTo(InterceptionStatus.COMPLETED));
            System.out.printf("SIGTERM during a stream: listener closed after %d ms, stream ended after %d ms, process exited"
                    + " after %d ms%n", closedAfter.toMillis(), streamEndedAfter.toMillis(), exitedAfter.toMillis());
        } finally {
            slow.stop(0);
        }
    }

    private static HttpRequest streamingRequest(GatewayProcess node) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree(FIXTURE.required("request"));
        return HttpRequest.newBuilder(node.uri("/api/v2/aibridge/anthropic/v1/messages"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.put("stream", true).toString()))
                .build();
    }

    // The fixture's stream, one SSE event at a time with a pause after each: about five seconds in all.
    private static void drip(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            for (String event : FIXTURE.required("streaming").split("(?<=\n\n)")) {
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                try {
                    Thread.sleep(BETWEEN_EVENTS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
