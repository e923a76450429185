package dev.aigw.gateway.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.OwnKafka;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.Txtar;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tiny spool fills while the broker is down: closed mode refuses new interceptions with 503, open mode drops and counts. */
@ExtendWith(RealStack.class)
class FullSpoolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUEST = Txtar.fixture("anthropic/simple.txtar").required("request");
    private static final String TINY = "4096";

    @Test
    void shouldRefuseWith503InClosedModeAndDropAndCountInOpenModeOnceTheSpoolIsFull() throws Exception {
        try (OwnKafka kafka = OwnKafka.start();
             LiveGateway closed = LiveGateway.start(kafka, Map.of("CODER_AI_GATEWAY_SPOOL_MAX_BYTES", TINY));
             LiveGateway open = LiveGateway.start(kafka, Map.of("CODER_AI_GATEWAY_SPOOL_MAX_BYTES", TINY,
                     "CODER_AI_GATEWAY_AUDIT_FAILURE_MODE", "open"))) {
            kafka.stop();

            List<HttpResponse<String>> closedAnswers = postUntil(closed, answer -> answer.statusCode() == 503);
            HttpResponse<String> refused = closedAnswers.getLast();
            int upstreamCalls = closed.upstream().received().size();
            HttpResponse<String> refusedAgain = closed.post("/anthropic/v1/messages", REQUEST);
            List<HttpResponse<String>> openAnswers = postUntil(open, answer -> open.node().sink().droppedEvents() > 0);

            assertThat(closedAnswers.subList(0, closedAnswers.size() - 1))
                    .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.path("type").asText()).isEqualTo("error");
            assertThat(body.path("error").path("type").asText()).isEqualTo("overloaded_error");
            assertThat(body.path("error").path("message").asText()).contains("cannot record audit events");
            assertThat(refusedAgain.statusCode()).isEqualTo(503);
            assertThat(closed.upstream().received()).as("a refused request never reaches the provider").hasSize(upstreamCalls);
            assertThat(closed.node().sink().refusedInterceptions()).isGreaterThanOrEqualTo(2);
            assertThat(closed.node().sink().droppedEvents()).as("admitted interceptions keep their events").isZero();
            HttpResponse<String> closedReady = ready(closed);
            assertThat(closedReady.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(closedReady.body()).toString()).contains("\"events\"").contains("\"DOWN\"");

            assertThat(openAnswers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
            assertThat(open.node().sink().refusedInterceptions()).isZero();
            assertThat(ready(open).statusCode()).as("open mode stays ready").isEqualTo(200);
            System.out.printf("spool of %s bytes: closed mode refused after %d interceptions, open mode dropped %d events"
                    + " after %d%n", TINY, closedAnswers.size() - 1, open.node().sink().droppedEvents(), openAnswers.size());

            kafka.restart();
            RealStack.await(Duration.ofSeconds(60), () -> closed.node().sink().kafkaKeepsUp() ? true : null);
            assertThat(closed.post("/anthropic/v1/messages", REQUEST).statusCode()).as("admitted again").isEqualTo(200);
        }
    }

    private static List<HttpResponse<String>> postUntil(LiveGateway gateway, Predicate<HttpResponse<String>> done)
            throws InterruptedException {
        List<HttpResponse<String>> answers = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        do {
            answers.add(gateway.post("/anthropic/v1/messages", REQUEST));
            Thread.sleep(100);
        } while (!done.test(answers.getLast()) && System.nanoTime() < deadline);
        assertThat(done.test(answers.getLast())).as("condition reached after " + answers.size() + " requests").isTrue();
        return answers;
    }

    private static HttpResponse<String> ready(LiveGateway gateway) {
        return gateway.send(HttpRequest.newBuilder(gateway.root().resolve("/health/ready")).GET());
    }
}
