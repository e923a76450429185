package dev.aigw.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderRulesTest {
    private static ProviderSettings provider(String name, String type, String url, List<String> keys) {
        return new ProviderSettings(name, type, url, keys, Optional.empty(), Optional.empty(), true);
    }

    @Test
    void shouldAcceptAValidProvider() {
        assertThat(ProviderRules.problems(provider("anthropic-eu", "anthropic", "https://api.anthropic.com/", List.of("k1"))))
                .isEmpty();
    }

    @Test
    void shouldNameEachInvalidField() {
        assertThat(ProviderRules.problems(provider("Bad_Name", "anthropic", "https://x/", List.of())))
                .singleElement().asString().startsWith("name");
        assertThat(ProviderRules.problems(provider("a", "gemini", "https://x/", List.of())))
                .singleElement().asString().startsWith("type");
        assertThat(ProviderRules.problems(provider("a", "openai", "ftp://x/", List.of())))
                .singleElement().asString().startsWith("base_url");
        assertThat(ProviderRules.problems(provider("a", "copilot", "https://x/", List.of("k"))))
                .singleElement().asString().startsWith("keys");
        assertThat(ProviderRules.problems(provider("a", "openai", "https://x/", List.of("k", "k"))))
                .singleElement().asString().startsWith("keys");
        assertThat(ProviderRules.problems(provider("a", "bedrock", "https://x/", List.of())))
                .singleElement().asString().startsWith("bedrock");
    }

    @Test
    void shouldApplyTheKeyListRulesToAnyField() {
        assertThat(ProviderRules.listProblems("keys", List.of("a", "", "a", "b", "c", "d")))
                .containsExactly("keys has 6 values; at most 5 are allowed", "keys contains an empty value",
                        "keys contains a duplicate value");
        assertThat(ProviderRules.listProblems("bedrock.access_key", List.of("a", "b"))).isEmpty();
    }

    @Test
    void shouldAllowBedrockOnAnthropicButNeverWithKeysOrOnOtherTypes() {
        ProviderSettings.Bedrock pair =
                new ProviderSettings.Bedrock("us-east-1", Optional.of("AKID"), Optional.of("s"), "m", "fast");
        ProviderSettings.Bedrock idOnly =
                new ProviderSettings.Bedrock("us-east-1", Optional.of("AKID"), Optional.empty(), "m", "fast");
        ProviderSettings.Bedrock noModels =
                new ProviderSettings.Bedrock("us-east-1", Optional.empty(), Optional.empty(), "", " ");

        assertThat(ProviderRules.problems(bedrock("anthropic", List.of(), pair))).isEmpty();
        assertThat(ProviderRules.problems(bedrock("bedrock", List.of(), pair))).isEmpty();
        assertThat(ProviderRules.problems(bedrock("anthropic", List.of("k"), pair)))
                .containsExactly("keys cannot be combined with bedrock settings: a provider uses one or the other");
        assertThat(ProviderRules.problems(bedrock("bedrock", List.of("k"), pair)))
                .containsExactly("keys must not be set for type bedrock: it never sends a provider key");
        assertThat(ProviderRules.problems(bedrock("openai", List.of(), pair)))
                .containsExactly("bedrock settings are only allowed for types anthropic and bedrock");
        assertThat(ProviderRules.problems(bedrock("bedrock", List.of(), idOnly)))
                .containsExactly("bedrock.access_key and bedrock.access_key_secret must be given together");
        assertThat(ProviderRules.problems(bedrock("anthropic", List.of(), noModels))).containsExactly(
                "bedrock.model is required: the Bedrock model id requests are sent to",
                "bedrock.small_fast_model is required: the Bedrock model id requests for a haiku model are sent to");
    }

    private static ProviderSettings bedrock(String type, List<String> keys, ProviderSettings.Bedrock b) {
        return new ProviderSettings("b", type, "https://bedrock-runtime.us-east-1.amazonaws.com", keys, Optional.of(b),
                Optional.empty(), true);
    }

    @Test
    void shouldRoundTripThroughSealingAndListDifferingFieldsWithoutSecrets() {
        ProviderSealing sealing = new ProviderSealing(MasterKey.parse(MasterKey.generate()));
        ProviderSettings before = provider("a", "openai", "https://x/", List.of("sk-secret-value-1234567890"));
        ProviderSettings after = provider("a", "openai", "https://y/", List.of("sk-other-value-1234567890"));

        assertThat(sealing.open(sealing.seal(before, Instant.now(), "admin"))).isEqualTo(before);
        assertThat(before.differingFields(after)).containsExactly("base_url", "keys");
        assertThat(before.toString()).doesNotContain("sk-secret-value-1234567890");
    }
}
