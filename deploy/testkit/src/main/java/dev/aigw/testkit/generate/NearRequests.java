package dev.aigw.testkit.generate;

import static dev.aigw.testkit.generate.Generator.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Request bodies that are valid JSON but the wrong shape, close enough to a request that the parsers go deep: a valid
 * request with any JSON value in place of one of its nodes, or added beside its fields; and requests mixing the fields
 * of all three APIs, each field there or not, each holding the right type most of the time and any value otherwise.
 */
public final class NearRequests {
    /** Fields a request may carry that the valid one lacks; an arbitrary value is put there too. */
    private static final List<String> ADDED = List.of("stream", "tools", "tool_choice", "system", "metadata", "max_tokens",
            "input", "messages", "instructions", "previous_response_id", "background", "stream_options", "n");
    private static final int ANY_DEPTH = 3;
    private static final int WRONG_TYPE_DEPTH = 2;

    private final Generator generate;

    /** Near-requests drawn from {@code generate}. */
    public NearRequests(Generator generate) {
        this.generate = generate;
    }

    /**
     * {@code template} with one position (picked evenly from {@link #positions}) holding any JSON value.
     *
     * @param pointer the JSON pointer of the position; "" is the root
     * @param value   the value put there
     * @param body    the whole request
     */
    public record NearRequest(String pointer, JsonNode value, JsonNode body) {
        @Override
        public String toString() {
            return (pointer.isEmpty() ? "root" : pointer) + " := " + Generator.shown(value);
        }
    }

    /** A copy of {@code template} with any JSON value at one of its positions. */
    public NearRequest oneReplaced(JsonNode template) {
        String pointer = generate.pick(positions(template));
        JsonNode value = generate.json(generate.between(0, ANY_DEPTH));
        return new NearRequest(pointer, value, substitute(template, pointer, value));
    }

    /**
     * The positions of {@code template}, each once: a JSON pointer to each node, root included, and to each field it
     * could add.
     */
    public static List<String> positions(JsonNode template) {
        List<String> positions = new ArrayList<>();
        collect(template, "", positions);
        ADDED.forEach(field -> positions.add("/" + field));
        return positions.stream().distinct().toList();
    }

    /** A copy of {@code template} with the node at {@code pointer} replaced by (or added as) {@code value}. */
    public static JsonNode substitute(JsonNode template, String pointer, JsonNode value) {
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
            node.properties().forEach(field -> collect(field.getValue(), at + "/" + field.getKey(), positions));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, positions);
            }
        }
    }

    /**
     * A request with the fields of Messages, Chat Completions and Responses (model, messages, input, stream,
     * stream_options, background; messages with role, content, type and tool call ids; content parts), each there
     * four times in five, each well-typed three times in four and any JSON value otherwise.
     */
    public JsonNode mixed() {
        return object(
                new Field("model", () -> typedOrAny(() -> NODES.textNode(generate.pick("claude-sonnet-4", "gpt-4.1", "")))),
                new Field("messages", this::conversation),
                new Field("input", () -> generate.chance(0.5) ? conversation() : typedOrAny(this::text)),
                new Field("stream", () -> typedOrAny(() -> NODES.booleanNode(generate.chance(0.5)))),
                new Field("stream_options", () -> typedOrAny(() -> object(
                        new Field("include_usage", () -> typedOrAny(generate::scalar))))),
                new Field("background", () -> typedOrAny(() -> NODES.booleanNode(false))));
    }

    private JsonNode conversation() {
        return typedOrAny(() -> list(this::message));
    }

    private JsonNode message() {
        return typedOrAny(() -> object(
                new Field("role", () -> typedOrAny(() -> NODES.textNode(generate.pick("user", "assistant", "tool", "system")))),
                new Field("content", this::content),
                new Field("type", () -> typedOrAny(() -> NODES.textNode(generate.pick("message", "function_call_output")))),
                new Field("tool_call_id", () -> typedOrAny(this::text)),
                new Field("call_id", () -> typedOrAny(this::text))));
    }

    private JsonNode content() {
        return typedOrAny(() -> generate.chance(0.5) ? text() : list(this::part));
    }

    private JsonNode part() {
        return object(
                new Field("type", () -> typedOrAny(() -> NODES.textNode(
                        generate.pick("text", "input_text", "tool_result", "image")))),
                new Field("text", () -> typedOrAny(this::text)),
                new Field("tool_use_id", () -> typedOrAny(this::text)));
    }

    private JsonNode text() {
        return NODES.textNode(generate.string());
    }

    private JsonNode typedOrAny(Supplier<JsonNode> typed) {
        return generate.chance(0.75) ? typed.get() : generate.json(WRONG_TYPE_DEPTH);
    }

    private JsonNode list(Supplier<JsonNode> element) {
        ArrayNode array = NODES.arrayNode();
        for (int i = generate.between(0, 3); i > 0; i--) {
            array.add(element.get());
        }
        return array;
    }

    // Fields in a fixed order (not a Map.of, whose order changes between runs), so a seed draws the same request.
    private ObjectNode object(Field... fields) {
        ObjectNode object = NODES.objectNode();
        for (Field field : fields) {
            if (generate.chance(0.8)) {
                object.set(field.name(), field.value().get());
            }
        }
        return object;
    }

    private record Field(String name, Supplier<JsonNode> value) {
    }
}
