package dev.aigw.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BenchMainTest {
    @Test
    void shouldPickThePlanByModeAndRecordProfilesOnlyWhenAsked() {
        assertThat(BenchMain.plan(new String[0])).isEqualTo(Plan.full());
        assertThat(BenchMain.plan(new String[] {"--quick"})).isEqualTo(Plan.quick());
        assertThat(BenchMain.plan(new String[] {"--quick"}).flightRecording()).isFalse();
        assertThat(BenchMain.plan(new String[] {"--jfr", "--quick"})).isEqualTo(Plan.quick().withFlightRecording());
        assertThat(BenchMain.plan(new String[] {"--jfr"}).flightRecording()).isTrue();
        assertThat(BenchMain.plan(new String[] {"--jfr"}).mode()).isEqualTo("full");
    }

    @Test
    void shouldRefuseUnknownOrSeveralModes() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchMain.plan(new String[] {"--fast"}))
                .withMessageContaining("--jfr");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchMain.plan(new String[] {"--quick", "--smoke"}));
    }
}
