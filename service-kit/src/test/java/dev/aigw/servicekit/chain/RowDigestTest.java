package dev.aigw.servicekit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowDigestTest {
    private static final UUID ID = UUID.fromString("6f1c1f0e-4c1e-4a43-9d6b-1f3f1d1a2b3c");
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00.123456Z");

    private static Map<String, Object> prompt() {
        Map<String, Object> row = new HashMap<>();
        row.put("interception_id", ID);
        row.put("seq", 1);
        row.put("event_id", UUID.randomUUID());
        row.put("prompt", "fix the build");
        row.put("created_at", AT);
        row.put("truncated", Map.of("prompt", "9000:ab"));
        return row;
    }

    @Test
    void shouldGiveTheSameDigestForTheValuesAsWrittenAndAsReadBack() {
        Map<String, Object> written = prompt();
        Map<String, Object> read = new LinkedHashMap<>(written);
        // Cassandra keeps milliseconds, returns an int column as Integer and leaves an unset column null.
        read.put("created_at", Instant.ofEpochMilli(AT.toEpochMilli()));
        read.put("provider_response_id", null);
        read.put("interception_id", ID.toString());
        read.put("not_signed", "a column added later");
        assertThat(RowDigest.of("prompts", read)).isEqualTo(RowDigest.of("prompts", written));
    }

    @Test
    void shouldChangeTheDigestWhenAnySignedValueChanges() {
        byte[] original = RowDigest.of("prompts", prompt());
        for (String column : prompt().keySet()) {
            Map<String, Object> changed = prompt();
            changed.put("event_id", prompt().get("event_id"));
            changed.put(column, column.equals("seq") ? 2 : column.equals("created_at") ? AT.plusMillis(1)
                    : column.equals("truncated") ? Map.of("prompt", "9000:ac") : column.equals("interception_id")
                    ? UUID.randomUUID() : "other");
            assertThat(RowDigest.of("prompts", changed)).as(column).isNotEqualTo(original);
        }
        Map<String, Object> removed = prompt();
        removed.remove("prompt");
        assertThat(RowDigest.of("prompts", removed)).isNotEqualTo(original);
    }

    @Test
    void shouldNotConfuseValuesThatConcatenateAlike() {
        Map<String, Object> a = new HashMap<>(Map.of("prompt", "ab", "provider_response_id", "c"));
        Map<String, Object> b = new HashMap<>(Map.of("prompt", "a", "provider_response_id", "bc"));
        assertThat(RowDigest.of("prompts", a)).isNotEqualTo(RowDigest.of("prompts", b));
        assertThat(RowDigest.of("prompts", a)).isNotEqualTo(RowDigest.of("model_thoughts", a));
    }

    @Test
    void shouldSumDetailDigestsInAnyOrderAndTellDifferentSets() {
        byte[] x = RowDigest.of("prompts", Map.of("prompt", "x"));
        byte[] y = RowDigest.of("prompts", Map.of("prompt", "y"));
        byte[] z = RowDigest.of("prompts", Map.of("prompt", "z"));
        byte[] xyz = RowDigest.add(RowDigest.add(RowDigest.add(null, x), y), z);
        assertThat(RowDigest.add(RowDigest.add(RowDigest.add(null, z), x), y)).isEqualTo(xyz).hasSize(32);
        assertThat(RowDigest.add(RowDigest.add(null, x), y)).isNotEqualTo(xyz);
        byte[] summary = RowDigest.of("interceptions", Map.of("model", "m"));
        assertThat(RowDigest.interception(summary, xyz)).isNotEqualTo(RowDigest.interception(summary, null));
    }

    @Test
    void shouldRefuseATableWithoutSignedColumns() {
        assertThatThrownBy(() -> RowDigest.of("sessions", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
