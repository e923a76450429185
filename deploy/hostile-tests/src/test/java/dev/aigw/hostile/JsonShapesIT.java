package dev.aigw.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.hostile.Case.Shape;
import dev.aigw.testkit.RealStack;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Valid JSON of the wrong shape on each intercepted route: every position of a valid request (the root, each field,
 * each element, fields it could have) gets arbitrary JSON values. Tries are drawn from jqwik's generators with a fixed
 * seed, so a failure names a request that reproduces; the answers are judged as the wire corpus's are.
 */
@Order(2)
@ExtendWith({RealStack.class, HostileStack.class})
class JsonShapesIT {
    private static final int TRIES_PER_ROUTE = 150;
    private static final long SEED = 14L;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anthropic,/v1/messages,ANTHROPIC", "openai,/v1/chat/completions,OPENAI",
            "openai-responses,/v1/responses,OPENAI"})
    void shouldAnswerEveryWrongShapeWithA4xxInTheProvidersShapeOrServeIt(String provider, String path, Shape shape)
            throws Exception {
        JsonNode template = Answer.json(switch (path) {
            case "/v1/messages" -> Bodies.MESSAGES;
            case "/v1/chat/completions" -> Bodies.CHAT;
            default -> Bodies.RESPONSES;
        });
        List<String> positions = JsonShapes.positions(template);
        Random random = new Random(SEED);
        // jqwik's generators need its engine's context; sampling provides one. Seeded so a failure reproduces.
        SourceOfRandomness.create(Long.toString(SEED));
        Iterator<JsonNode> values = JsonShapes.values().sampleStream().iterator();
        int port = HostileStack.running().gateway().port();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + HostileStack.key("alice"));
        Case judge = new Case(provider + path, port, new byte[0], Case.Expect.ANSWERED, shape, false, false);
        List<String> problems = new ArrayList<>();

        for (int i = 0; i < TRIES_PER_ROUTE; i++) {
            String position = positions.get(random.nextInt(positions.size()));
            JsonNode value = values.next();
            String body = JsonShapes.substitute(template, position, value).toString();
            Answer answer = Http.send(port, "POST", "/api/v2/aibridge/" + provider + path, auth, body);
            String problem = judge.judge(answer);
            if (problem != null) {
                String shown = value.toString();
                problems.add("try " + i + ": " + (position.isEmpty() ? "root" : position) + " := "
                        + (shown.length() > 120 ? shown.substring(0, 120) + "... (" + shown.length() + " chars)" : shown)
                        + " -> " + problem);
            }
        }

        assertThat(problems).as(Corpus.report(problems, TRIES_PER_ROUTE)).isEmpty();
    }
}
