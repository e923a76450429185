package dev.aigw.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TruncationTest {
    @Test
    void shouldReadEachMarkAsFieldLengthAndHashWhenTheRecorderWroteThem() {
        Map<String, String> marks = new LinkedHashMap<>();
        marks.put("model", "70000:ab12");
        marks.put("metadata", "130:");

        assertThat(Truncation.of(marks)).containsExactly(new Truncation("model", 70_000, "ab12"),
                new Truncation("metadata", 130, ""));
    }

    @Test
    void shouldReadAnUnknownLengthRatherThanFailWhenAMarkIsMalformed() {
        assertThat(Truncation.of(Map.of("prompt", "x:ab12"))).containsExactly(new Truncation("prompt", -1, "ab12"));
        assertThat(Truncation.of(Map.of("prompt", "ab12"))).containsExactly(new Truncation("prompt", -1, "ab12"));
    }
}
