package dev.aigw.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedValuesTest {
    @Test
    void shouldKeepValuesSeenBeforeTheCapAndFoldNewOnesIntoOther() {
        BoundedValues models = new BoundedValues(2);

        assertThat(models.of("a")).isEqualTo("a");
        assertThat(models.of("b")).isEqualTo("b");
        assertThat(models.of("c")).isEqualTo(BoundedValues.OTHER);
        assertThat(models.of("a")).isEqualTo("a");
    }
}
