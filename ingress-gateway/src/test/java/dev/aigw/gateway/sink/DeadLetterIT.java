package dev.aigw.gateway.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.PrometheusText;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real gateway node on the real broker, whose topic takes records of at most 32 KiB: an interception whose prompt
 * event is larger is refused by the broker for good. Its event lands in the spool's dead letters with its reason and
 * is counted, and the node's next interceptions reach Kafka.
 */
@ExtendWith(RealStack.class)
class DeadLetterIT {
    private static final int TOPIC_LIMIT = 32 * 1024;
    private static final String REQUEST = Txtar.fixture("anthropic/simple.txtar").required("request");

    @Test
    void shouldDeadLetterAnEventTheBrokerRefusesForGoodAndDeliverTheNodesNextEvents() throws Exception {
        try (LiveGateway gateway = LiveGateway.start(Map.of())) {
            limitRecords(gateway.topic());
            // Random letters, so that lz4 cannot bring the record back under the topic's limit.
            String prompt = randomText(100_000);

            HttpResponse<String> poisoned = gateway.post("/anthropic/v1/messages",
                    REQUEST.replace("how many angels can dance on the head of a pin\\n", prompt));
            HttpResponse<String> next = gateway.post("/anthropic/v1/messages", REQUEST);
            HttpResponse<String> another = gateway.post("/anthropic/v1/messages", REQUEST);

            assertThat(List.of(poisoned, next, another)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
            String poisonedId = id(poisoned);
            assertThat(gateway.eventsOf(next)).last().isInstanceOf(InterceptionEnded.class);
            assertThat(gateway.eventsOf(another)).last().isInstanceOf(InterceptionEnded.class);
            List<Object> poisonedEvents = gateway.eventsOf(poisoned);
            assertThat(poisonedEvents).as("the rest of the interception is recorded")
                    .hasAtLeastOneElementOfType(InterceptionStarted.class)
                    .noneMatch(PromptUsage.class::isInstance);

            Path letter = RealStack.await(Duration.ofSeconds(30), () -> deadLetters(gateway).stream().findFirst().orElse(null));
            byte[] content = Files.readAllBytes(letter);
            List<String> lines = new String(content, StandardCharsets.ISO_8859_1).lines().limit(3).toList();
            assertThat(lines.get(0)).isEqualTo("record_too_large");
            assertThat(lines.get(2)).startsWith("RecordTooLargeException");
            assertThat(new String(content, StandardCharsets.ISO_8859_1)).contains(poisonedId)
                    .as("the event's bytes as offered to Kafka").contains(prompt.substring(0, 1000));
            assertThat(deadLetters(gateway)).hasSize(1);
            assertThat(gateway.node().sink().deadLetteredEvents(DeadLetterReason.RECORD_TOO_LARGE)).isEqualTo(1);
            assertThat(gateway.node().sink().droppedEvents()).isZero();
            PrometheusText metrics = PrometheusText.parse(gateway.send(HttpRequest.newBuilder(gateway.root()
                    .resolve("/metrics")).GET()).body());
            assertThat(metrics.sum("coder_ai_gateway_events_dead_lettered_total", "reason", "record_too_large"))
                    .isEqualTo(1);
            RealStack.await(Duration.ofSeconds(30), () -> gateway.node().sink().kafkaKeepsUp() ? true : null);
            assertThat(gateway.node().sink().headFailures()).isZero();
            List<InterceptionEvent> recorded = gateway.events().readToEnd(Duration.ofSeconds(10));
            assertThat(recorded).filteredOn(e -> e.getInterceptionId().equals(poisonedId))
                    .noneMatch(e -> e.getPayload() instanceof PromptUsage);
        }
    }

    private static void limitRecords(String topic) throws ExecutionException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(TOPIC_LIMIT)),
                    AlterConfigOp.OpType.SET)))).all().get();
            RealStack.await(Duration.ofSeconds(30), () -> {
                try {
                    ConfigEntry entry = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                            .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                    return entry.value().equals(Integer.toString(TOPIC_LIMIT)) ? true : null;
                } catch (ExecutionException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static List<Path> deadLetters(LiveGateway gateway) {
        Path dir = gateway.dataDir().resolve("spool").resolve(DeadLetters.DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".dead")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(HttpResponse<?> answer) {
        return answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
    }

    private static String randomText(int length) {
        Random random = new Random(14);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
