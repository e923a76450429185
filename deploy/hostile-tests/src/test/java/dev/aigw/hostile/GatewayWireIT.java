package dev.aigw.hostile;

import static dev.aigw.hostile.HostileStack.ANTHROPIC;
import static dev.aigw.hostile.HostileStack.OPENAI;
import static dev.aigw.hostile.HostileStack.RESPONSES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.hostile.Case.Shape;
import dev.aigw.hostile.RawCorpus.Route;
import dev.aigw.testkit.RealStack;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every gateway route, sent its valid request broken in every way the corpus knows, over raw sockets. */
@Order(1)
@ExtendWith({RealStack.class, HostileStack.class})
class GatewayWireIT {

    @Test
    void shouldAnswerEveryMalformedRequestToEveryGatewayRouteWithAClearErrorInTheProvidersShape() {
        String alice = HostileStack.key("alice");
        List<Route> routes = new ArrayList<>();
        for (String prefix : List.of("/api/v2/aibridge/", "/api/v2/ai-gateway/")) {
            routes.add(new Route("POST", prefix + ANTHROPIC + "/v1/messages", Shape.ANTHROPIC, alice, Bodies.MESSAGES, true, true));
            routes.add(new Route("POST", prefix + OPENAI + "/v1/chat/completions", Shape.OPENAI, alice, Bodies.CHAT, true, true));
            routes.add(new Route("POST", prefix + RESPONSES + "/v1/responses", Shape.OPENAI, alice, Bodies.RESPONSES, true, true));
        }
        String p = "/api/v2/aibridge/";
        routes.add(new Route("GET", p + ANTHROPIC + "/v1/models", Shape.ANTHROPIC, alice, null, true, false));
        routes.add(new Route("POST", p + ANTHROPIC + "/v1/messages/count_tokens", Shape.ANTHROPIC, alice, Bodies.MESSAGES, true, false));
        routes.add(new Route("GET", "/api/v2/ai-gateway/" + OPENAI + "/v1/models", Shape.OPENAI, alice, null, true, false));
        routes.add(new Route("GET", p + OPENAI + "/v1/models/gpt-4o", Shape.OPENAI, alice, null, true, false));
        routes.add(new Route("POST", p + "nope/v1/messages", Shape.ANTHROPIC, alice, Bodies.MESSAGES, false, true));
        routes.add(new Route("POST", p + ANTHROPIC + "/v1/unknown", Shape.ANTHROPIC, alice, Bodies.MESSAGES, false, false));
        routes.add(new Route("GET", p + OPENAI + "/v1/files", Shape.OPENAI, alice, null, false, false));
        routes.add(new Route("GET", "/whatever", Shape.EITHER_PROVIDER, null, null, false, false));
        routes.add(new Route("POST", "/api/v2/nothing", Shape.EITHER_PROVIDER, alice, Bodies.CHAT, false, false));
        routes.add(new Route("HEAD", "/", Shape.EITHER_PROVIDER, null, null, true, false));
        routes.add(new Route("HEAD", p + ANTHROPIC, Shape.ANTHROPIC, null, null, true, false));
        routes.add(new Route("GET", "/health/ready", Shape.EITHER_PROVIDER, null, null, true, false));
        routes.add(new Route("GET", "/health/live", Shape.EITHER_PROVIDER, null, null, true, false));
        routes.add(new Route("GET", "/metrics", Shape.EITHER_PROVIDER, null, null, true, false));
        int port = HostileStack.running().gateway().port();
        List<Case> cases = new ArrayList<>(RawCorpus.of(port, routes, HostileStack.MAX_BODY_BYTES));
        cases.addAll(byok(port, alice));

        List<String> problems = Corpus.run(cases);

        assertThat(problems).as(Corpus.report(problems, cases.size())).isEmpty();
    }

    // The person's own provider credential goes upstream untouched; it is a secret the sweep looks for afterwards.
    private static List<Case> byok(int port, String alice) {
        String token = HostileStack.running().secrets().get("BYOK token");
        List<Case> cases = new ArrayList<>();
        for (String[] route : new String[][] {{ANTHROPIC + "/v1/messages", Bodies.MESSAGES}, {OPENAI + "/v1/chat/completions",
                Bodies.CHAT}, {RESPONSES + "/v1/responses", Bodies.RESPONSES}}) {
            String request = "POST /api/v2/aibridge/" + route[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "X-Coder-AI-Governance-Token: " + alice + "\r\nX-Api-Key: " + token + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + route[1].getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + route[1];
            cases.add(new Case("POST " + route[0] + ": BYOK",
                    port, request.getBytes(StandardCharsets.UTF_8), Case.Expect.WORKS,
                    route[0].startsWith(ANTHROPIC) ? Shape.ANTHROPIC : Shape.OPENAI, false, false));
        }
        return cases;
    }
}
