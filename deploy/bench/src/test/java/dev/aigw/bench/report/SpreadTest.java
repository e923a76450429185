package dev.aigw.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {
    @Test
    void shouldTakeTheMiddleValueOfAnOddCount() {
        assertThat(Spread.of(List.of(30.0, 10.0, 50.0, 20.0, 40.0))).isEqualTo(new Spread(30, 10, 50));
    }

    @Test
    void shouldAverageTheTwoMiddleValuesOfAnEvenCount() {
        assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(2.5, 1, 4));
    }

    @Test
    void shouldMakeOneValueItsOwnMedianMinimumAndMaximum() {
        assertThat(Spread.of(List.of(7.0))).isEqualTo(new Spread(7, 7, 7));
    }

    @Test
    void shouldRefuseNoValue() {
        assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
