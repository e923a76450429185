package dev.aigw.gateway.config;

import static dev.aigw.gateway.config.ProvidersTest.P;
import static dev.aigw.gateway.config.ProvidersTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.config.Deprecation;
import dev.aigw.control.ProviderSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import dev.aigw.testkit.logs.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Legacy single-provider options, collisions, built-ins and the warnings about provider variables. */
class ProviderSourcesTest {
    private static final List<ProviderSettings> BUILTINS = List.of(
            provider("copilot", "copilot", "https://api.individual.githubcopilot.com"),
            provider("copilot-business", "copilot", "https://api.business.githubcopilot.com"),
            provider("copilot-enterprise", "copilot", "https://api.enterprise.githubcopilot.com"),
            provider("chatgpt", "openai", "https://chatgpt.com/backend-api/codex"));

    private final ProvidersTest config = new ProvidersTest();

    @TempDir
    Path dir;

    @Test
    void shouldAddEveryBuiltinWhenNothingIsConfigured() {
        assertThat(config.read()).containsExactlyElementsOf(BUILTINS);
        assertThat(config.problems).isEmpty();
    }

    @Test
    void shouldNotAddABuiltinWhoseNameIsTaken() {
        List<ProviderSettings> providers = config.read(P + "0_TYPE", "copilot", P + "0_BASE_URL", "https://ghe.example",
                P + "1_TYPE", "openai", P + "1_NAME", "chatgpt", P + "1_KEY", "sk");

        assertThat(providers).containsExactly(
                provider("copilot", "copilot", "https://ghe.example"),
                provider("chatgpt", "openai", "https://api.openai.com/v1/", "sk"),
                BUILTINS.get(1), BUILTINS.get(2));
    }

    @Test
    void shouldMakeProvidersOfTheLegacyVariablesFlagsAndYamlKeys() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), "ai_gateway:\n  anthropic_key: sk-ant-yaml\n");
        List<ProviderSettings> providers = config.read(List.of("--config", file.toString(), "--aibridge-openai-key=sk-flag"),
                "CODER_AI_GATEWAY_OPENAI_BASE_URL", "https://litellm.example/v1");

        assertThat(config.problems).isEmpty();
        assertThat(providers).startsWith(
                provider("openai", "openai", "https://litellm.example/v1", "sk-flag"),
                provider("anthropic", "anthropic", "https://api.anthropic.com/", "sk-ant-yaml"));
    }

    @Test
    void shouldMakeABedrockProviderNamedAnthropicOfTheLegacyBedrockOptions() {
        List<ProviderSettings> providers = config.read("CODER_AIBRIDGE_BEDROCK_REGION", "us-west-2",
                "CODER_AIBRIDGE_BEDROCK_ACCESS_KEY", "AKIA", "CODER_AIBRIDGE_BEDROCK_ACCESS_KEY_SECRET", "secret",
                "CODER_AIBRIDGE_BEDROCK_MODEL", "anthropic.claude-3-5-sonnet",
                "CODER_AIBRIDGE_BEDROCK_SMALL_FAST_MODEL", "anthropic.claude-3-5-haiku");

        assertThat(config.problems).isEmpty();
        assertThat(providers).startsWith(new ProviderSettings("anthropic", "bedrock",
                "https://bedrock-runtime.us-west-2.amazonaws.com", List.of(), Optional.of(new ProviderSettings.Bedrock(
                "us-west-2", Optional.of("AKIA"), Optional.of("secret"), "anthropic.claude-3-5-sonnet",
                "anthropic.claude-3-5-haiku")), Optional.empty(), true));
    }

    @Test
    void shouldPreferTheLegacyBedrockBaseUrlToTheRegion() {
        List<ProviderSettings> providers = config.read("CODER_AI_GATEWAY_BEDROCK_REGION", "us-east-1",
                "CODER_AI_GATEWAY_BEDROCK_BASE_URL", "https://proxy.example/bedrock", "CODER_AI_GATEWAY_BEDROCK_MODEL", "m",
                "CODER_AI_GATEWAY_BEDROCK_SMALL_FAST_MODEL", "f");

        assertThat(providers.getFirst().baseUrl()).isEqualTo("https://proxy.example/bedrock");
    }

    @Test
    void shouldApplyTheRulesToLegacyProvidersNamingTheirVariables() {
        config.read("CODER_AI_GATEWAY_OPENAI_BASE_URL", "ftp://files.example", "CODER_AI_GATEWAY_ANTHROPIC_KEY", "sk-ant",
                "CODER_AI_GATEWAY_BEDROCK_REGION", "us-east-1");
        config.read("CODER_AI_GATEWAY_BEDROCK_MODEL", "m", "CODER_AI_GATEWAY_BEDROCK_ACCESS_KEY", "AKIA",
                "CODER_AI_GATEWAY_BEDROCK_BASE_URL", "https://b.example");
        config.read("CODER_AI_GATEWAY_BEDROCK_MODEL", "m");

        assertThat(config.problems).containsExactly(
                "CODER_AI_GATEWAY_ANTHROPIC_KEY and CODER_AI_GATEWAY_BEDROCK_* are mutually exclusive: the legacy anthropic"
                        + " provider uses either a key or Bedrock",
                "CODER_AI_GATEWAY_OPENAI_BASE_URL \"ftp://files.example\" needs an http or https scheme and a host",
                "CODER_AI_GATEWAY_BEDROCK_ACCESS_KEY and bedrock.access_key_secret must be given together",
                "CODER_AI_GATEWAY_BEDROCK_SMALL_FAST_MODEL is required: the Bedrock model id requests for a haiku model are"
                        + " sent to",
                "CODER_AI_GATEWAY_BEDROCK_REGION or CODER_AI_GATEWAY_BEDROCK_BASE_URL is required for Bedrock");
    }

    @Test
    void shouldRefuseALegacyProviderNamedLikeAnIndexedOne() {
        config.read("CODER_AI_GATEWAY_OPENAI_KEY", "sk-legacy", P + "0_TYPE", "openai", P + "0_KEY", "sk-indexed");

        assertThat(config.problems).containsExactly("provider name \"openai\" is used by both " + P + "0 and"
                + " CODER_AI_GATEWAY_OPENAI_KEY: names must be unique (two providers of one TYPE need explicit NAMEs; remove"
                + " a legacy variable that names the same provider as an indexed one)");
    }

    @Test
    void shouldWarnAboutUnknownFieldsButKeepTheProvider() {
        List<String> warnings = captured(IndexedProviders.class, () -> {
            List<ProviderSettings> providers = config.read(P + "0_TYPE", "openai", P + "0_TYYYPPOO", "openai");
            assertThat(providers.getFirst()).isEqualTo(provider("openai", "openai", "https://api.openai.com/v1/"));
        });

        assertThat(config.problems).isEmpty();
        assertThat(warnings).containsExactly("ignoring unknown AI provider field " + P + "0_TYYYPPOO (check for typos)");
    }

    // CODER_AIBRIDGE_PROVIDER_0_DUMP_DIR is set by no other test: the warned set is per process.
    @Test
    void shouldWarnOncePerDeprecatedIndexedVariable() {
        List<String> warnings = captured(Deprecation.class, () -> {
            config.read("CODER_AIBRIDGE_PROVIDER_0_TYPE", "openai", "CODER_AIBRIDGE_PROVIDER_0_DUMP_DIR", "/d");
            config.read("CODER_AIBRIDGE_PROVIDER_0_TYPE", "openai", "CODER_AIBRIDGE_PROVIDER_0_DUMP_DIR", "/d");
        });

        assertThat(warnings).filteredOn(w -> w.contains("DUMP_DIR")).containsExactly(
                "CODER_AIBRIDGE_PROVIDER_0_DUMP_DIR is deprecated; use CODER_AI_GATEWAY_PROVIDER_0_DUMP_DIR");
    }

    private static List<String> captured(Class<?> logger, Runnable action) {
        try (LogCapture capture = LogCapture.of(logger)) {
            action.run();
            return capture.messages();
        }
    }
}
