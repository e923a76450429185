package dev.aigw.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.hostile.Case.Shape;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.generate.Generator;
import dev.aigw.testkit.generate.NearRequests;
import dev.aigw.testkit.generate.NearRequests.NearRequest;
import dev.aigw.testkit.generate.ValidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Valid JSON of the wrong shape on each intercepted route: every position of a valid request (the root, each field,
 * each element, fields it could have) gets arbitrary JSON values. Tries are drawn from the test kit's seeded generator,
 * so a failure names the seed that draws its request again; the answers are judged as the wire corpus's are.
 */
@Order(2)
@ExtendWith({RealStack.class, HostileStack.class})
class JsonShapesIT {
    private static final int TRIES_PER_ROUTE = 150;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"anthropic,/v1/messages,ANTHROPIC,MESSAGES", "openai,/v1/chat/completions,OPENAI,CHAT",
            "openai-responses,/v1/responses,OPENAI,RESPONSES"})
    void shouldAnswerEveryWrongShapeWithA4xxInTheProvidersShapeOrServeIt(String provider, String path, Shape shape,
                                                                          ValidRequest valid) throws Exception {
        Generator generate = Generator.seeded();
        NearRequests near = new NearRequests(generate);
        int port = HostileStack.running().gateway().port();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + HostileStack.key("alice"));
        Case judge = new Case(provider + path, port, new byte[0], Case.Expect.ANSWERED, shape, false, false);
        List<String> problems = new ArrayList<>();

        for (int i = 0; i < TRIES_PER_ROUTE; i++) {
            NearRequest request = near.oneReplaced(valid.json());
            Answer answer = Http.send(port, "POST", "/api/v2/aibridge/" + provider + path, auth, request.body().toString());
            String problem = judge.judge(answer);
            if (problem != null) {
                problems.add("try " + i + ": " + request + " -> " + problem);
            }
        }

        assertThat(problems).as(() -> generate + "; " + Corpus.report(problems, TRIES_PER_ROUTE)).isEmpty();
    }
}
