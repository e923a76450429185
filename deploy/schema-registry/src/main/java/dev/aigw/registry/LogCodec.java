package dev.aigw.registry;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.servicekit.json.Json;

/**
 * JSON keys and values of the schemas topic.
 *
 * <p>A schema record's key holds the subject, the version <em>and the id</em>: two instances proposing the same version
 * concurrently then write different keys, so compaction keeps both and a replay still sees the first one win. With
 * subject+version alone, compaction would keep the later (rejected) proposal and a restart would rebuild other state.
 */
final class LogCodec {
    private static final ObjectMapper JSON = Json.MAPPER;

    private LogCodec() {
    }

    static byte[] key(LogRecord record) {
        Map<String, Object> key = new LinkedHashMap<>();
        switch (record) {
            case SchemaVersion v -> {
                key.put("type", "SCHEMA");
                key.put("subject", v.subject());
                key.put("version", v.version());
                key.put("id", v.id());
            }
            case LogRecord.GlobalConfig c -> key.put("type", "CONFIG");
            case LogRecord.SubjectConfig c -> {
                key.put("type", "CONFIG");
                key.put("subject", c.subject());
            }
        }
        return write(key);
    }

    static byte[] value(LogRecord record) {
        Map<String, Object> value = new LinkedHashMap<>();
        switch (record) {
            case SchemaVersion v -> {
                value.put("type", "SCHEMA");
                value.put("subject", v.subject());
                value.put("version", v.version());
                value.put("id", v.id());
                value.put("schema", v.schema());
            }
            case LogRecord.GlobalConfig c -> {
                value.put("type", "CONFIG");
                value.put("compatibility", c.compatibility().name());
            }
            case LogRecord.SubjectConfig c -> {
                value.put("type", "CONFIG");
                value.put("subject", c.subject());
                value.put("compatibility", c.compatibility().name());
            }
        }
        return write(value);
    }

    /** Decodes a record value; the key only steers compaction, so it is not read back. */
    static LogRecord decode(byte[] value) {
        try {
            JsonNode node = JSON.readTree(value);
            return switch (node.path("type").asText()) {
                case "SCHEMA" -> new SchemaVersion(required(node, "subject").asText(), required(node, "version").asInt(),
                        required(node, "id").asInt(), required(node, "schema").asText());
                case "CONFIG" -> {
                    Compatibility level = Compatibility.valueOf(required(node, "compatibility").asText());
                    yield node.hasNonNull("subject")
                            ? new LogRecord.SubjectConfig(node.get("subject").asText(), level)
                            : new LogRecord.GlobalConfig(level);
                }
                default -> throw new IllegalArgumentException("unknown record type '" + node.path("type").asText() + "'");
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return node.get(field);
    }

    private static byte[] write(Map<String, Object> value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for a map of strings and numbers", e);
        }
    }
}
