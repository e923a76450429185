package dev.aigw.bench.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Server-sent event framing, shared by the three APIs. */
final class Sse {
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private Sse() {
    }

    /** A new event's data with its {@code type}, for {@link #typed}. */
    static ObjectNode event(String type) {
        return Json.object().put("type", type);
    }

    /** {@code data: <json>} alone, as Chat Completions frames its chunks. */
    static byte[] data(JsonNode data) {
        return frame(null, data);
    }

    /**
     * {@code event: <type>} then {@code data: <json>}, as the Responses and Messages APIs frame theirs: both name the
     * event after the {@code type} field of its data.
     */
    static byte[] typed(JsonNode data) {
        return frame(data.get("type").asText(), data);
    }

    /** Chat Completions' last line. */
    static byte[] done() {
        return DONE.clone();
    }

    /** Several events as one write. */
    static byte[] join(List<byte[]> events) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        events.forEach(joined::writeBytes);
        return joined.toByteArray();
    }

    private static byte[] frame(String event, JsonNode data) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        if (event != null) {
            framed.writeBytes(("event: " + event + "\n").getBytes(StandardCharsets.UTF_8));
        }
        framed.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        framed.writeBytes(Json.bytes(data));
        framed.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return framed.toByteArray();
    }
}
