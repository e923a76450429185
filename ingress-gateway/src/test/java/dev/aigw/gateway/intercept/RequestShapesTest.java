package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The request parsers are total: any syntactically valid JSON, of any shape, is either read into the audit's facts or
 * refused with a {@link BadRequestException}, never failed with another exception (which the gateway would answer
 * with a 500). Shapes are drawn both at random and as near-requests whose every field may hold the wrong type.
 */
class RequestShapesTest {
    private static final List<Api> APIS = List.of(Api.MESSAGES, Api.CHAT, Api.RESPONSES);
    // The names the parsers read, so random objects reach their branches instead of being skipped whole.
    private static final List<String> NAMES = List.of("model", "messages", "input", "role", "content", "type", "text",
            "tool_use_id", "tool_call_id", "call_id", "stream", "stream_options", "include_usage", "background");

    @Property(tries = 2000)
    void shouldReadOrRefuseAnyJsonValue(@ForAll("anyJson") JsonNode body) {
        APIS.forEach(api -> assertTotal(api, Json.bytes(body)));
    }

    @Property(tries = 3000)
    void shouldReadOrRefuseARequestWhoseFieldsHoldAnyType(@ForAll("nearRequests") JsonNode body) {
        APIS.forEach(api -> assertTotal(api, Json.bytes(body)));
    }

    @Property(tries = 50)
    void shouldRefuseNestingDeeperThanTheParserTakesAsABadRequest(@ForAll @IntRange(min = 900, max = 20_000) int depth,
                                                                  @ForAll("conversationField") String field) {
        String body = "{\"model\":\"m\",\"" + field + "\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        APIS.forEach(api -> assertTotal(api, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertTotal(Api api, byte[] body) {
        try {
            ApiRequest parsed = api.parse(body);
            assertThat(parsed.model()).isNotBlank();
            assertThat(Json.treeOf(parsed.upstreamBody()).isObject()).as("upstream body is a JSON object").isTrue();
        } catch (BadRequestException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> conversationField() {
        return Arbitraries.of("messages", "input", "tools");
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return json(3);
    }

    @Provide
    Arbitrary<JsonNode> nearRequests() {
        Arbitrary<JsonNode> part = object(Map.of(
                "type", either(Arbitraries.of("text", "input_text", "tool_result", "image").map(TextNode::valueOf)),
                "text", either(text()),
                "tool_use_id", either(text())));
        Arbitrary<JsonNode> content = either(Arbitraries.oneOf(text(), part.list().ofMaxSize(3).map(RequestShapesTest::array)));
        Arbitrary<JsonNode> message = either(object(Map.of(
                "role", either(Arbitraries.of("user", "assistant", "tool", "system").map(TextNode::valueOf)),
                "content", content,
                "type", either(Arbitraries.of("message", "function_call_output").map(TextNode::valueOf)),
                "tool_call_id", either(text()),
                "call_id", either(text()))));
        Arbitrary<JsonNode> conversation = either(message.list().ofMaxSize(3).map(RequestShapesTest::array));
        return object(Map.of(
                "model", either(Arbitraries.of("claude-sonnet-4", "gpt-4.1", "").map(TextNode::valueOf)),
                "messages", conversation,
                "input", Arbitraries.oneOf(conversation, either(text())),
                "stream", either(Arbitraries.of(true, false).map(BooleanNode::valueOf)),
                "stream_options", either(object(Map.of("include_usage", either(json(0))))),
                "background", either(Arbitraries.of(false).map(BooleanNode::valueOf))));
    }

    // The well-typed value most of the time, any JSON value otherwise.
    private static Arbitrary<JsonNode> either(Arbitrary<? extends JsonNode> typed) {
        return Arbitraries.frequencyOf(Tuple.of(3, typed), Tuple.of(1, json(2)));
    }

    // An object holding each field or not.
    private static Arbitrary<JsonNode> object(Map<String, Arbitrary<JsonNode>> fields) {
        List<Arbitrary<JsonNode>> present = fields.entrySet().stream()
                .map(field -> field.getValue().injectNull(0.2).map(value -> value == null ? null
                        : (JsonNode) Json.emptyObject().set(field.getKey(), value)))
                .toList();
        return Combinators.combine(present).as(parts -> {
            ObjectNode merged = Json.emptyObject();
            parts.stream().filter(p -> p != null).forEach(p -> merged.setAll((ObjectNode) p));
            return merged;
        });
    }

    private static Arbitrary<JsonNode> json(int depth) {
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(text(), Arbitraries.longs().map(LongNode::valueOf),
                Arbitraries.doubles().map(DoubleNode::valueOf), Arbitraries.of(true, false).map(BooleanNode::valueOf),
                Arbitraries.just(NullNode.getInstance()));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1));
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().ofMaxLength(4));
        Arbitrary<JsonNode> arrays = child.list().ofMaxSize(3).map(RequestShapesTest::array);
        Arbitrary<JsonNode> objects = Arbitraries.maps(name, child).ofMaxSize(4).map(fields -> {
            ObjectNode object = Json.emptyObject();
            fields.forEach(object::set);
            return object;
        });
        return Arbitraries.frequencyOf(Tuple.of(2, scalar), Tuple.of(1, arrays), Tuple.of(1, objects));
    }

    private static Arbitrary<JsonNode> text() {
        return Arbitraries.strings().ofMaxLength(6).map(TextNode::valueOf);
    }

    private static JsonNode array(List<JsonNode> elements) {
        ArrayNode array = Json.emptyArray();
        elements.forEach(array::add);
        return array;
    }
}
