package dev.aigw.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Request bodies that are valid JSON but the wrong shape: any JSON value put in place of any node of a valid request,
 * or added beside its fields. Values come from jqwik's generators: scalars at their edges (huge and negative numbers,
 * empty, long, control-character and non-BMP strings) and nested arrays and objects of them.
 */
final class JsonShapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fields a request may carry that the valid one lacks; an arbitrary value is put there too. */
    private static final List<String> ADDED = List.of("stream", "tools", "tool_choice", "system", "metadata", "max_tokens",
            "input", "messages", "instructions", "previous_response_id", "background", "stream_options", "n");

    private JsonShapes() {
    }

    /** Any JSON value, nested up to three levels. */
    static Arbitrary<JsonNode> values() {
        return Arbitraries.recursive(JsonShapes::scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(JsonShapes::array),
                Arbitraries.maps(keys(), inner).ofMaxSize(4).map(JsonShapes::object)), 0, 3);
    }

    /** A position in {@code template}: a JSON pointer to a node, or to a field added to an object. */
    static List<String> positions(JsonNode template) {
        List<String> positions = new ArrayList<>();
        collect(template, "", positions);
        ADDED.forEach(f -> positions.add("/" + f));
        return positions;
    }

    /** {@code template} with the node at {@code pointer} replaced by (or added as) {@code value}; "" replaces the root. */
    static JsonNode substitute(JsonNode template, String pointer, JsonNode value) {
        if (pointer.isEmpty()) {
            return value;
        }
        JsonNode copy = template.deepCopy();
        int last = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, last));
        String field = pointer.substring(last + 1);
        if (parent instanceof ObjectNode object) {
            object.set(field, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field), value);
        }
        return copy;
    }

    private static void collect(JsonNode node, String at, List<String> positions) {
        positions.add(at);
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), at + "/" + e.getKey(), positions));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, positions);
            }
        }
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(new BigInteger("9".repeat(400)), new BigInteger("-" + "9".repeat(400))).map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1e-400"), new BigDecimal("1.5e400")).map(NODES::numberNode),
                strings().map(NODES::textNode));
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(40),
                Arbitraries.of("", " ", "user", "assistant", "system", "tool", "text", "image", "tool_use", "tool_result",
                        "claude-sonnet-4-0", "gpt-4.1", "\uD83D\uDE00", "\u202E", "\uFEFF", "\\u0000", "../../etc/passwd"),
                Arbitraries.integers().between(1_000, 70_000).map("x"::repeat));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("type", "text", "role", "content", "model", "id", "name", "input",
                "tool_use_id", "stream", ""), Arbitraries.strings().ofMaxLength(8));
    }

    private static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static JsonNode object(java.util.Map<String, JsonNode> fields) {
        ObjectNode object = NODES.objectNode();
        object.setAll(fields);
        return object;
    }
}
