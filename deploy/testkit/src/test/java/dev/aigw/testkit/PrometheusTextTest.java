package dev.aigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String TEXT = """
            # HELP x_total A counter.
            # TYPE x_total counter
            x_total{provider="anthropic",model="a \\"quoted\\\\ \\nname",status="completed"} 2.0
            x_total{provider="openai",model="gpt",status="failed"} 3.0
            up 1
            """;

    @Test
    void shouldReadNamesLabelsAndValuesWithEscapes() {
        PrometheusText text = PrometheusText.parse(TEXT);

        assertThat(text.names()).containsExactly("x_total", "up");
        assertThat(text.samples("x_total", "provider", "anthropic")).singleElement().satisfies(s -> {
            assertThat(s.labels()).isEqualTo(Map.of("provider", "anthropic", "model", "a \"quoted\\ \nname",
                    "status", "completed"));
            assertThat(s.value()).isEqualTo(2.0);
        });
        assertThat(text.sum("x_total")).isEqualTo(5.0);
        assertThat(text.sum("x_total", "status", "failed")).isEqualTo(3.0);
        assertThat(text.sum("up")).isEqualTo(1.0);
        assertThat(text.sum("absent")).isZero();
    }
}
