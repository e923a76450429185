package dev.aigw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.schemas.config.ConfigException;
import dev.aigw.schemas.control.MasterKey;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

    @Test
    void shouldReadIndexedProvidersUnderBothPrefixes() {
        GatewayConfig config = GatewayConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic",
                "CODER_AI_GATEWAY_PROVIDER_0_KEY", "sk-ant-1",
                "CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", "http://127.0.0.1:9999",
                "CODER_AIBRIDGE_PROVIDER_1_TYPE", "openai",
                "CODER_AIBRIDGE_PROVIDER_1_NAME", "azure-east",
                "CODER_AIBRIDGE_PROVIDER_1_KEYS", "k1, k2",
                "CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate()));

        assertThat(config.providers()).containsExactly(
                new ProviderConfig(ProviderType.ANTHROPIC, "anthropic", URI.create("http://127.0.0.1:9999"), List.of("sk-ant-1"), Optional.empty()),
                new ProviderConfig(ProviderType.OPENAI, "azure-east", URI.create("https://api.openai.com/v1/"), List.of("k1", "k2"), Optional.empty()));
        assertThat(config.toString()).doesNotContain("sk-ant-1").doesNotContain("k2");
    }

    @Test
    void shouldReportEveryProblemWhenProvidersAreInvalid() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic",
                "CODER_AI_GATEWAY_PROVIDER_0_NAME", "Bad_Name",
                "CODER_AI_GATEWAY_PROVIDER_0_KEY", "a",
                "CODER_AI_GATEWAY_PROVIDER_0_KEYS", "b",
                "CODER_AI_GATEWAY_PROVIDER_1_TYPE", "gemini",
                "CODER_AI_GATEWAY_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("PROVIDER_0_NAME \"Bad_Name\" must match")
                .hasMessageContaining("KEY and CODER_AI_GATEWAY_PROVIDER_0_KEYS are mutually exclusive")
                .hasMessageContaining("PROVIDER_1_TYPE must be one of")
                .hasMessageContaining("CODER_AI_GATEWAY_PORT must be an integer");
    }

    @Test
    void shouldRefuseAMissingOrMalformedMasterKey() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("master key is missing");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", "c2hvcnQ=")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must decode to 32 bytes, got 5");
    }

    @Test
    void shouldRefuseSkippedIndicesAndDuplicateNames() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("CODER_AI_GATEWAY_PROVIDER_1_TYPE", "openai")))
                .hasMessageContaining("provider num 0 skipped");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_PROVIDER_0_TYPE", "openai", "CODER_AI_GATEWAY_PROVIDER_1_TYPE", "openai")))
                .hasMessageContaining("provider name \"openai\" is used by more than one provider");
    }

    @Test
    void shouldRefuseBadKeyLists() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_PROVIDER_0_TYPE", "openai", "CODER_AI_GATEWAY_PROVIDER_0_KEYS", "a,,a,b,c,d,e")))
                .hasMessageContaining("at most 5")
                .hasMessageContaining("empty key")
                .hasMessageContaining("duplicate key");
    }

    @Test
    void shouldNameTheVariableWhenTheSharedRulesRefuseABaseUrlOrCopilotKeys() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of(
                "CODER_AI_GATEWAY_PROVIDER_0_TYPE", "openai", "CODER_AI_GATEWAY_PROVIDER_0_BASE_URL", "ftp://files.example",
                "CODER_AI_GATEWAY_PROVIDER_1_TYPE", "copilot", "CODER_AI_GATEWAY_PROVIDER_1_KEY", "k")))
                .hasMessageContaining("CODER_AI_GATEWAY_PROVIDER_0_BASE_URL \"ftp://files.example\" needs an http or https scheme")
                .hasMessageContaining("CODER_AI_GATEWAY_PROVIDER_1_KEYS are not allowed for copilot");
    }
}
