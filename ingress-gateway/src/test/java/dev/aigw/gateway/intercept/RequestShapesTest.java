package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.testkit.generate.Generator;
import dev.aigw.testkit.generate.NearRequests;
import dev.aigw.testkit.generate.NearRequests.NearRequest;
import dev.aigw.testkit.generate.ValidRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The request parsers are total: any syntactically valid JSON, of any shape, is either read into the audit's facts or
 * refused with a {@link BadRequestException}, never failed with another exception (which the gateway would answer
 * with a 500). Shapes are drawn at random, as valid requests with one position holding any value, and as
 * near-requests whose every field may hold the wrong type; a failure names the seed that draws it again.
 */
class RequestShapesTest {
    private static final List<Api> APIS = List.of(Api.MESSAGES, Api.CHAT, Api.RESPONSES);

    @Test
    void shouldReadOrRefuseAnyJsonValue() {
        Generator generate = Generator.seeded();
        for (int i = 0; i < 2000; i++) {
            JsonNode body = generate.json(3);
            assertTotalForEveryApi(BodyJson.bytes(body), trial(generate, i, body));
        }
    }

    @Test
    void shouldReadOrRefuseARequestWhoseFieldsHoldAnyType() {
        Generator generate = Generator.seeded();
        NearRequests near = new NearRequests(generate);
        for (int i = 0; i < 3000; i++) {
            JsonNode body = near.mixed();
            assertTotalForEveryApi(BodyJson.bytes(body), trial(generate, i, body));
        }
    }

    @Test
    void shouldReadOrRefuseAValidRequestWithAnyValueAtOneOfItsPositions() {
        Generator generate = Generator.seeded();
        NearRequests near = new NearRequests(generate);
        List<JsonNode> valid = Stream.of(ValidRequest.values()).map(ValidRequest::json).toList();
        for (int i = 0; i < 3000; i++) {
            NearRequest request = near.oneReplaced(valid.get(i % valid.size()));
            assertTotalForEveryApi(BodyJson.bytes(request.body()), trial(generate, i, request));
        }
    }

    @Test
    void shouldRefuseNestingDeeperThanTheParserTakesAsABadRequest() {
        Generator generate = Generator.seeded();
        for (int i = 0; i < 50; i++) {
            int depth = generate.between(900, 20_000);
            String field = generate.pick("messages", "input", "tools");
            String body = "{\"model\":\"m\",\"" + field + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

            assertTotalForEveryApi(body.getBytes(StandardCharsets.UTF_8), trial(generate, i, field + " nested " + depth));
        }
    }

    private static Supplier<String> trial(Generator generate, int i, Object input) {
        return () -> generate + ", try " + i + ": " + Generator.shown(input);
    }

    private static void assertTotalForEveryApi(byte[] body, Supplier<String> trial) {
        APIS.forEach(api -> assertTotal(api, body, () -> api.getClass().getSimpleName() + ", " + trial.get()));
    }

    private static void assertTotal(Api api, byte[] body, Supplier<String> trial) {
        try {
            ApiRequest parsed = api.parse(body);
            assertThat(parsed.model()).as(trial).isNotBlank();
            assertThat(BodyJson.treeOf(parsed.upstreamBody()).isObject())
                    .as(() -> "upstream body is a JSON object; " + trial.get()).isTrue();
        } catch (BadRequestException e) {
            assertThat(e.getMessage()).as(trial).isNotBlank();
        } catch (RuntimeException e) {
            throw new AssertionError("neither read nor refused as a bad request: " + e + "; " + trial.get(), e);
        }
    }
}
