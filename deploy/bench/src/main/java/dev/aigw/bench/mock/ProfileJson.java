package dev.aigw.bench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/** The control endpoint's JSON: {@code {"latency_ms": 20, "deltas": 64, "gap_ms": 20, "content_bytes": 512}}. */
final class ProfileJson {
    private static final Set<String> FIELDS = Set.of("latency_ms", "deltas", "gap_ms", "content_bytes");

    private ProfileJson() {
    }

    static byte[] render(MockProfile profile) {
        ObjectNode json = Json.object().put("latency_ms", profile.latency().toMillis())
                .put("deltas", profile.deltas()).put("gap_ms", profile.gap().toMillis())
                .put("content_bytes", profile.contentBytes());
        return Json.bytes(json);
    }

    /**
     * The current profile with the fields the body gives replaced.
     *
     * @throws IllegalArgumentException with a message for the caller when the body is not such an object, names an
     *                                  unknown field (a typo would otherwise be ignored silently) or gives a value
     *                                  {@link MockProfile} refuses
     */
    static MockProfile update(MockProfile current, byte[] body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object with some of " + FIELDS);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + ", known are " + FIELDS);
            }
        }
        return MockProfile.ofMillis(
                whole(json, "latency_ms", current.latency().toMillis()),
                Math.toIntExact(whole(json, "deltas", current.deltas())),
                whole(json, "gap_ms", current.gap().toMillis()),
                Math.toIntExact(whole(json, "content_bytes", current.contentBytes())));
    }

    private static long whole(JsonNode json, String field, long current) {
        JsonNode value = json.get(field);
        if (value == null) {
            return current;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number, not " + value);
        }
        return value.asLong();
    }
}
