package dev.aigw.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RegistryConfigTest {
    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        assertThat(RegistryConfig.fromEnv(Map.of()))
                .isEqualTo(new RegistryConfig("127.0.0.1", 8085, "127.0.0.1:9092", "_schemas", (short) 1));
    }

    @Test
    void shouldReadEveryVariable() {
        RegistryConfig config = RegistryConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_REGISTRY_HOST", "0.0.0.0",
                "CODER_AI_GATEWAY_REGISTRY_PORT", "0",
                "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "k1:9092,k2:9092",
                "CODER_AI_GATEWAY_REGISTRY_TOPIC", "schemas-test",
                "CODER_AI_GATEWAY_REGISTRY_REPLICATION", "3"));

        assertThat(config).isEqualTo(new RegistryConfig("0.0.0.0", 0, "k1:9092,k2:9092", "schemas-test", (short) 3));
    }

    @Test
    void shouldReportOneLinePerInvalidVariable() {
        assertThatThrownBy(() -> RegistryConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_REGISTRY_PORT", "http",
                "CODER_AI_GATEWAY_REGISTRY_TOPIC", " ",
                "CODER_AI_GATEWAY_REGISTRY_REPLICATION", "0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("""
                        Invalid schema registry configuration:
                          CODER_AI_GATEWAY_REGISTRY_PORT must be an integer from 0 to 65535, got 'http'
                          CODER_AI_GATEWAY_REGISTRY_TOPIC must not be blank
                          CODER_AI_GATEWAY_REGISTRY_REPLICATION must be an integer from 1 to 32767, got '0'""");
    }

    @Test
    void shouldReplicateLikeTheServicesUnlessTheRegistrySettingSaysOtherwise() {
        Map<String, String> cluster = Map.of("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3",
                "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2");

        RegistryConfig shared = RegistryConfig.fromEnv(cluster);

        assertThat(shared.replication()).isEqualTo((short) 3);
        assertThat(shared.minInSync()).isEqualTo(2);
        assertThatThrownBy(() -> RegistryConfig.fromEnv(Map.of("CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2")))
                .hasMessageContaining("CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS (2) must not exceed the schemas topic's "
                        + "replication factor (1)");
    }
}
