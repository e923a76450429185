package dev.aigw.bench.mock;

import dev.aigw.bench.mock.MockMain.Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MockMainTest {
    @Test
    void defaultsToLoopbackAnyPortAndTheInstantProfile() {
        assertThat(Options.parse(new String[0])).isEqualTo(new Options("127.0.0.1", 0, MockProfile.INSTANT));
    }

    @Test
    void readsEveryOption() {
        Options options = Options.parse(new String[]{"--host", "0.0.0.0", "--port", "9999", "--latency-ms", "20",
                "--deltas", "64", "--gap-ms", "15", "--content-bytes", "2048"});

        assertThat(options).isEqualTo(new Options("0.0.0.0", 9999, MockProfile.ofMillis(20, 64, 15, 2048)));
    }

    @Test
    void namesTheOptionAtFault() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[]{"--deltas", "many"}))
                .withMessageContaining("--deltas");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[]{"--gap-ms"}))
                .withMessageContaining("--gap-ms");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[]{"--latency", "5"}))
                .withMessageContaining("--latency");
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(new String[]{"--deltas", "0"}))
                .withMessageContaining("deltas");
    }
}
