package dev.aigw.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PresentedTest {

    private static Presented of(Map<String, String> headers) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        return Presented.of(name -> Optional.ofNullable(ci.get(name)));
    }

    @Test
    void shouldTakeTheGatewayKeyFromBearerThenApiKeyWhenCentralized() {
        assertThat(of(Map.of("Authorization", "Bearer aigw_1_s"))).isEqualTo(new Presented.Centralized("aigw_1_s"));
        assertThat(of(Map.of("x-api-key", "aigw_2_s"))).isEqualTo(new Presented.Centralized("aigw_2_s"));
        assertThat(of(Map.of("Authorization", "Bearer  ", "X-Api-Key", ""))).isEqualTo(new Presented.Missing());
    }

    @Test
    void shouldLeaveTheProvidersCredentialForUpstreamWhenTheGovernanceHeaderIsSent() {
        assertThat(of(Map.of("X-Coder-AI-Governance-Token", "aigw_3_s", "Authorization", "Bearer sk-own")))
                .isEqualTo(new Presented.Byok("aigw_3_s", Optional.of("sk-own")));
        assertThat(of(Map.of("x-coder-ai-governance-token", "aigw_3_s", "X-Api-Key", "sk-ant-own", "Authorization", "Bearer t")))
                .isEqualTo(new Presented.Byok("aigw_3_s", Optional.of("sk-ant-own")));
        assertThat(of(Map.of("X-Coder-AI-Governance-Token", "aigw_3_s"))).isEqualTo(new Presented.Byok("aigw_3_s", Optional.empty()));
    }
}
