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

    @Test
    void shouldFoldAnOverlongValueIntoOtherWithoutTakingRoom() {
        BoundedValues models = new BoundedValues(1);

        assertThat(models.of("m".repeat(70_000))).isEqualTo(BoundedValues.OTHER);
        assertThat(models.of("m".repeat(BoundedValues.MAX_LENGTH))).isEqualTo("m".repeat(BoundedValues.MAX_LENGTH));
    }
}
