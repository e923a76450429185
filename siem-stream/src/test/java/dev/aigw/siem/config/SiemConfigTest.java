package dev.aigw.siem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.servicekit.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiemConfigTest {
    @Test
    void shouldUseTheDefaultsWhenNothingIsSet() {
        SiemConfig config = SiemConfig.fromEnv(Map.of());
        assertThat(config.interceptionsTopic()).isEqualTo("aigw.interceptions.v1");
        assertThat(config.siemTopic()).isEqualTo("aigw.siem.v1");
        assertThat(config.applicationId()).isEqualTo("aigw-siem");
        assertThat(config.port()).isEqualTo(8086);
        assertThat(config.summaryTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void shouldReadTheTopicFromBothPrefixesAndFlags() {
        assertThat(SiemConfig.fromEnv(Map.of("CODER_AI_GATEWAY_SIEM_TOPIC", "siem.a")).siemTopic()).isEqualTo("siem.a");
        assertThat(SiemConfig.fromEnv(Map.of("CODER_AIBRIDGE_SIEM_TOPIC", "siem.b")).siemTopic()).isEqualTo("siem.b");
        assertThat(SiemConfig.fromEnv(Map.of(), List.of("--ai-gateway-siem-topic=siem.c")).siemTopic()).isEqualTo("siem.c");
    }

    @Test
    void shouldListEveryProblemWhenSettingsAreInvalid() {
        assertThatThrownBy(() -> SiemConfig.fromEnv(Map.of("CODER_AI_GATEWAY_SIEM_SUMMARY_TIMEOUT", "0s",
                "CODER_AI_GATEWAY_SIEM_PORT", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SIEM_SUMMARY_TIMEOUT must be longer than zero")
                .hasMessageContaining("SIEM_PORT");
    }
}
