package dev.aigw.gateway.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.live.GatewayProcess;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.gateway.live.TopicReader;
import dev.aigw.testkit.OwnKafka;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A node killed with SIGKILL while its events wait in the spool sends them when it starts again on the same data. */
@ExtendWith(RealStack.class)
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Txtar FIXTURE = Txtar.fixture("anthropic/simple.txtar");
    private static final String ADMIN = "admin-" + UUID.randomUUID();
    private static final int INTERCEPTIONS = 5;

    @TempDir
    Path dataDir;

    @Test
    void shouldSendWhatAKilledNodeLeftInItsSpoolWhenItStartsAgain() throws Exception {
        try (OwnKafka kafka = OwnKafka.start(); FakeUpstream upstream = FakeUpstream.replaying(FIXTURE)) {
            String topic = RealStack.unique("interceptions");
            kafka.createTopics(1, topic);
            Map<String, String> env = new HashMap<>(LiveGateway.environment(kafka.bootstrap(), topic, ADMIN, upstream.url()));
            env.put("CODER_AI_GATEWAY_DATA_DIR", dataDir.toString());
            env.put("CODER_AI_GATEWAY_SPOOL_FSYNC", "always");
            Set<String> answered = new HashSet<>();
            long spooled;
            try (GatewayProcess node = GatewayProcess.start("crashing-gateway", env)) {
                kafka.stop();
                for (int i = 0; i < INTERCEPTIONS; i++) {
                    HttpResponse<String> answer = post(node);
                    assertThat(answer.statusCode()).isEqualTo(200);
                    answered.add(answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow());
                }
                spooled = settledSpool(node);
                node.kill();
            }
            assertThat(segments()).as("spool segments after the kill").isNotEmpty();

            kafka.restart();
            try (GatewayProcess restarted = GatewayProcess.start("restarted-gateway", env);
                 TopicReader reader = new TopicReader(kafka.bootstrap(), topic)) {
                reader.readUntil(Duration.ofSeconds(60), read -> ended(read).containsAll(answered));
                List<InterceptionEvent> recorded = reader.readToEnd(Duration.ofSeconds(30));

                assertThat(ended(recorded)).isEqualTo(answered);
                assertThat(recorded).hasSize((int) spooled);
                assertThat(recorded.stream().map(InterceptionEvent::getEventId).distinct().count()).isEqualTo(spooled);
                RealStack.await(Duration.ofSeconds(30), () -> segments().isEmpty() ? true : null);
            }
        }
    }

    // Waits until every event of the answered requests is in the spool: nothing queued, the count steady for a second.
    private static long settledSpool(GatewayProcess node) {
        AtomicLong last = new AtomicLong(-1);
        return RealStack.await(Duration.ofSeconds(30), () -> {
            JsonNode events = events(node);
            long spooled = events.path("spooled_events").asLong();
            boolean steady = events.path("queued_events").asLong() == 0 && spooled > 0 && spooled == last.getAndSet(spooled);
            pause();
            return steady ? spooled : null;
        });
    }

    private static JsonNode events(GatewayProcess node) {
        try {
            JsonNode health = JSON.readTree(node.ready().orElseThrow().body());
            for (JsonNode check : health.path("checks")) {
                if (check.path("name").asText().equals("events")) {
                    return check.path("data");
                }
            }
            throw new AssertionError("no events check in " + health);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> ended(List<InterceptionEvent> events) {
        return events.stream().filter(e -> e.getPayload() instanceof InterceptionEnded)
                .map(InterceptionEvent::getInterceptionId).collect(Collectors.toSet());
    }

    private List<Path> segments() {
        try (Stream<Path> files = Files.list(dataDir.resolve("spool"))) {
            return files.filter(f -> f.toString().endsWith(".seg")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> post(GatewayProcess node) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(node.uri("/api/v2/aibridge/anthropic/v1/messages"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FIXTURE.required("request"))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
