package dev.aigw.gateway.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.OwnKafka;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.Txtar;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker stops for 30 s while a client keeps sending: no request fails, and afterwards every event is on the topic once. */
@ExtendWith(RealStack.class)
class KafkaOutageIT {
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String REQUEST = Txtar.fixture("anthropic/simple.txtar").required("request");

    @Test
    void shouldAnswerEveryRequestThroughAnOutageAndDeliverEveryEventExactlyOnceAfterIt() throws Exception {
        try (OwnKafka kafka = OwnKafka.start(); LiveGateway gateway = LiveGateway.start(kafka, Map.of())) {
            List<HttpResponse<String>> answers = new CopyOnWriteArrayList<>();
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread client = Thread.ofPlatform().start(() -> {
                while (sending.get()) {
                    answers.add(gateway.post("/anthropic/v1/messages", REQUEST));
                    pause(Duration.ofMillis(20));
                }
            });
            pause(Duration.ofSeconds(3));

            kafka.stop();
            long stopped = System.nanoTime();
            int beforeOutage = answers.size();
            RealStack.await(OUTAGE, () -> gateway.node().sink().spooledEvents() > 0 ? true : null);
            pause(OUTAGE.minusNanos(System.nanoTime() - stopped));
            int duringOutage = answers.size() - beforeOutage;
            long spooled = gateway.node().sink().spooledEvents();
            kafka.restart();
            long restarted = System.nanoTime();
            RealStack.await(Duration.ofSeconds(60), () -> gateway.node().sink().kafkaKeepsUp() ? true : null);
            Duration caughtUp = Duration.ofNanos(System.nanoTime() - restarted);
            pause(Duration.ofSeconds(2));
            sending.set(false);
            client.join();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
            assertThat(duringOutage).as("requests answered while the broker was down").isGreaterThan(100);
            Set<String> answered = answers.stream().map(KafkaOutageIT::interceptionId).collect(Collectors.toSet());
            gateway.events().readUntil(Duration.ofSeconds(60), read -> endedIds(read).containsAll(answered));
            List<InterceptionEvent> recorded = gateway.events().readToEnd(Duration.ofSeconds(30));
            Map<String, Long> copiesById = recorded.stream()
                    .collect(Collectors.groupingBy(InterceptionEvent::getEventId, Collectors.counting()));
            assertThat(copiesById.values()).as("copies of each event id").containsOnly(1L);
            assertThat(recorded.stream().map(InterceptionEvent::getInterceptionId).collect(Collectors.toSet()))
                    .isEqualTo(answered);
            assertThat(endedIds(recorded)).isEqualTo(answered);
            assertThat(recorded.stream().filter(e -> e.getPayload() instanceof InterceptionStarted).count())
                    .isEqualTo(answered.size());
            assertThat(gateway.node().sink().droppedEvents()).isZero();
            assertThat(gateway.node().sink().spooledEvents()).isZero();
            System.out.printf("outage of %d s: %d requests answered during it, %d events spooled at its end, spool sent %d ms"
                    + " after the broker was back; %d interceptions and %d events delivered once each%n", OUTAGE.toSeconds(),
                    duringOutage, spooled, caughtUp.toMillis(), answered.size(), recorded.size());
        }
    }

    private static Set<String> endedIds(List<InterceptionEvent> events) {
        return events.stream().filter(e -> e.getPayload() instanceof InterceptionEnded)
                .map(InterceptionEvent::getInterceptionId).collect(Collectors.toSet());
    }

    private static String interceptionId(HttpResponse<String> answer) {
        return answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
