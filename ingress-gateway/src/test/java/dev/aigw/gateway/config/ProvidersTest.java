package dev.aigw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.config.Settings;
import dev.aigw.control.ProviderSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Indexed providers and their rules; legacy, colliding and built-in providers are in {@link ProviderSourcesTest}. */
class ProvidersTest {
    static final String P = "CODER_AI_GATEWAY_PROVIDER_";

    final List<String> problems = new ArrayList<>();

    List<ProviderSettings> read(String... pairs) {
        return read(List.of(), pairs);
    }

    List<ProviderSettings> read(List<String> args, String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return Providers.read(Settings.load(env, args, problems), problems);
    }

    static ProviderSettings provider(String name, String type, String baseUrl, String... keys) {
        return new ProviderSettings(name, type, baseUrl, List.of(keys), Optional.empty(), Optional.empty(), true);
    }

    @Test
    void shouldReadIndexedProvidersWithDefaultNamesAndUpstreams() {
        List<ProviderSettings> providers = read(P + "0_TYPE", "anthropic", P + "0_KEY", "sk-ant-1",
                P + "1_TYPE", "OpenAI", P + "1_NAME", "azure-east", P + "1_KEYS", " k1 , k2 ",
                P + "1_BASE_URL", "https://azure.example/v1", P + "1_DUMP_DIR", "/tmp/dumps",
                P + "2_TYPE", "copilot", P + "2_NAME", "copilot-custom");

        assertThat(problems).isEmpty();
        assertThat(providers).startsWith(
                provider("anthropic", "anthropic", "https://api.anthropic.com/", "sk-ant-1"),
                new ProviderSettings("azure-east", "openai", "https://azure.example/v1", List.of("k1", "k2"), Optional.empty(),
                        Optional.of("/tmp/dumps"), true),
                provider("copilot-custom", "copilot", "https://api.individual.githubcopilot.com"));
    }

    @Test
    void shouldReadTheDeprecatedPrefixAndMatchFieldNamesWithoutRegardToCase() {
        List<ProviderSettings> providers = read("CODER_AIBRIDGE_PROVIDER_0_TYPE", "openai",
                "CODER_AIBRIDGE_PROVIDER_0_Name", "test");

        assertThat(problems).isEmpty();
        assertThat(providers).startsWith(provider("test", "openai", "https://api.openai.com/v1/"));
    }

    @Test
    void shouldOrderMultiDigitIndicesNumerically() {
        String[] pairs = IntStream.range(0, 11)
                .mapToObj(i -> new String[] {P + i + "_TYPE", "openai", P + i + "_NAME", "p" + i})
                .flatMap(java.util.Arrays::stream).toArray(String[]::new);

        List<ProviderSettings> providers = read(pairs);

        assertThat(problems).isEmpty();
        assertThat(providers.subList(0, 11)).extracting(ProviderSettings::name)
                .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10");
    }

    @Test
    void shouldRefuseMixingThePrefixes() {
        read("CODER_AIBRIDGE_PROVIDER_0_TYPE", "anthropic", P + "0_TYPE", "anthropic", P + "0_NAME", "a2");

        assertThat(problems).containsExactly("cannot mix CODER_AIBRIDGE_PROVIDER_* and CODER_AI_GATEWAY_PROVIDER_*"
                + " environment variables: use CODER_AI_GATEWAY_PROVIDER_* only");
    }

    @Test
    void shouldRefuseSkippedAndNonNumericIndices() {
        read(P + "0_TYPE", "openai", P + "2_TYPE", "anthropic");
        assertThat(problems).containsExactly("provider num 1 skipped: " + P + "2_* is set but " + P + "1_* is not"
                + " (indices start at 0 and are contiguous)");

        problems.clear();
        read(P + "1_TYPE", "openai");
        assertThat(problems).singleElement().asString().startsWith("provider num 0 skipped");

        problems.clear();
        read(P + "XXX_TYPE", "openai", P + "0", "x");
        assertThat(problems).containsExactly(P + "0: expected <N>_<FIELD> after the prefix",
                P + "XXX_TYPE: parse number: the provider index \"XXX\" is not a number below 10000");
    }

    @Test
    void shouldRequireAKnownType() {
        read(P + "0_NAME", "my-provider", P + "0_KEY", "sk", P + "1_TYPE", "gemini");

        assertThat(problems).containsExactly(P + "0_TYPE is required",
                P + "1_TYPE must be one of anthropic, openai, copilot, bedrock, got \"gemini\"");
    }

    @Test
    void shouldRefuseInvalidAndDuplicateNames() {
        read(P + "0_TYPE", "anthropic", P + "0_NAME", "Bad_Name",
                P + "1_TYPE", "anthropic", P + "2_TYPE", "anthropic",
                P + "3_TYPE", "openai", P + "3_NAME", "mine", P + "4_TYPE", "anthropic", P + "4_NAME", "mine");

        assertThat(problems).containsExactly(
                P + "0_NAME \"Bad_Name\" must match ^[a-z0-9]+(-[a-z0-9]+)*$",
                "provider name \"anthropic\" is used by both " + P + "1 and " + P + "2: names must be unique (two providers"
                        + " of one TYPE need explicit NAMEs; remove a legacy variable that names the same provider as an"
                        + " indexed one)",
                "provider name \"mine\" is used by both " + P + "3 and " + P + "4: names must be unique (two providers"
                        + " of one TYPE need explicit NAMEs; remove a legacy variable that names the same provider as an"
                        + " indexed one)");
    }

    @Test
    void shouldApplyTheKeyRules() {
        read(P + "0_TYPE", "openai", P + "0_KEY", "a", P + "0_KEYS", "b",
                P + "1_TYPE", "openai", P + "1_NAME", "six", P + "1_KEYS", "k1,k2,k3,k4,k5,k6",
                P + "2_TYPE", "openai", P + "2_NAME", "gaps", P + "2_KEYS", "a,,b,a",
                P + "3_TYPE", "copilot", P + "3_KEY", "k",
                P + "4_TYPE", "bedrock", P + "4_KEYS", "k", P + "4_BEDROCK_REGION", "us-east-1", P + "4_BEDROCK_MODEL", "m",
                P + "4_BEDROCK_SMALL_FAST_MODEL", "f");

        assertThat(problems).containsExactly(
                P + "0_KEY and " + P + "0_KEYS are mutually exclusive",
                P + "1_KEYS has 6 values; at most 5 are allowed",
                P + "2_KEYS contains an empty value",
                P + "2_KEYS contains a duplicate value",
                P + "3_KEY must not be set for type copilot: it never sends a provider key",
                P + "4_KEYS must not be set for type bedrock: it never sends a provider key");
    }

    @Test
    void shouldNameTheVariableWhenTheSharedRulesRefuseABaseUrl() {
        read(P + "0_TYPE", "openai", P + "0_BASE_URL", "ftp://files.example");

        assertThat(problems).containsExactly(P + "0_BASE_URL \"ftp://files.example\" needs an http or https scheme and a host");
    }

    @Test
    void shouldCarryBedrockSettingsOnAnthropicAndBedrockProviders() {
        List<ProviderSettings> providers = read(P + "0_TYPE", "anthropic", P + "0_NAME", "anthropic-bedrock",
                P + "0_BEDROCK_REGION", "us-west-2", P + "0_BEDROCK_ACCESS_KEY", "AKID",
                P + "0_BEDROCK_ACCESS_KEY_SECRET", "secret", P + "0_BEDROCK_MODEL", "anthropic.claude-3-sonnet",
                P + "0_BEDROCK_SMALL_FAST_MODEL", "anthropic.claude-3-haiku",
                P + "1_TYPE", "bedrock", P + "1_NAME", "bedrock-prod", P + "1_BEDROCK_ACCESS_KEYS", "AKID2",
                P + "1_BEDROCK_ACCESS_KEY_SECRETS", "secret2", P + "1_BEDROCK_BASE_URL", "https://proxy.example/bedrock",
                P + "1_BEDROCK_MODEL", "m", P + "1_BEDROCK_SMALL_FAST_MODEL", "f");

        assertThat(problems).isEmpty();
        assertThat(providers).startsWith(
                new ProviderSettings("anthropic-bedrock", "anthropic", "https://bedrock-runtime.us-west-2.amazonaws.com",
                        List.of(), Optional.of(new ProviderSettings.Bedrock("us-west-2", Optional.of("AKID"),
                        Optional.of("secret"), "anthropic.claude-3-sonnet", "anthropic.claude-3-haiku")), Optional.empty(), true),
                new ProviderSettings("bedrock-prod", "bedrock", "https://proxy.example/bedrock", List.of(),
                        Optional.of(new ProviderSettings.Bedrock("", Optional.of("AKID2"), Optional.of("secret2"), "m", "f")),
                        Optional.empty(), true));
    }

    @Test
    void shouldApplyTheBedrockRules() {
        read(P + "0_TYPE", "openai", P + "0_BEDROCK_REGION", "us-west-2", P + "0_BEDROCK_MODEL", "m",
                P + "0_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "1_TYPE", "anthropic", P + "1_NAME", "both", P + "1_KEYS", "sk", P + "1_BEDROCK_REGION", "us-east-1",
                P + "1_BEDROCK_MODEL", "m", P + "1_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "2_TYPE", "bedrock",
                P + "3_TYPE", "anthropic", P + "3_NAME", "no-region", P + "3_BEDROCK_MODEL", "m");

        assertThat(problems).containsExactlyInAnyOrder(
                P + "0_BEDROCK_* settings are only allowed for types anthropic and bedrock",
                P + "1_KEYS cannot be combined with bedrock settings: a provider uses one or the other",
                P + "2_TYPE bedrock requires BEDROCK_* fields (at least BEDROCK_REGION or BEDROCK_BASE_URL)",
                P + "3_BEDROCK_REGION or " + P + "3_BEDROCK_BASE_URL is required for Bedrock");
    }

    @Test
    void shouldRequireBothBedrockModelsNamingTheirVariables() {
        read(P + "0_TYPE", "anthropic", P + "0_NAME", "anthropic-bedrock", P + "0_BEDROCK_REGION", "us-west-2",
                P + "1_TYPE", "bedrock", P + "1_BEDROCK_REGION", "us-west-2", P + "1_BEDROCK_MODEL", "m");

        assertThat(problems).containsExactly(
                P + "0_BEDROCK_MODEL is required: the Bedrock model id requests are sent to",
                P + "0_BEDROCK_SMALL_FAST_MODEL is required: the Bedrock model id requests for a haiku model are sent to",
                P + "1_BEDROCK_SMALL_FAST_MODEL is required: the Bedrock model id requests for a haiku model are sent to");
    }

    @Test
    void shouldApplyTheBedrockAccessKeyRules() {
        String r = "us-east-1";
        read(P + "0_TYPE", "bedrock", P + "0_NAME", "b0", P + "0_BEDROCK_REGION", r, P + "0_BEDROCK_MODEL", "m",
                P + "0_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "0_BEDROCK_ACCESS_KEY", "A1", P + "0_BEDROCK_ACCESS_KEYS", "A2",
                P + "0_BEDROCK_ACCESS_KEY_SECRET", "s1", P + "0_BEDROCK_ACCESS_KEY_SECRETS", "s2",
                P + "1_TYPE", "bedrock", P + "1_NAME", "b1", P + "1_BEDROCK_REGION", r, P + "1_BEDROCK_MODEL", "m",
                P + "1_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "1_BEDROCK_ACCESS_KEYS", "A1,A2", P + "1_BEDROCK_ACCESS_KEY_SECRET", "s1",
                P + "2_TYPE", "bedrock", P + "2_NAME", "b2", P + "2_BEDROCK_REGION", r, P + "2_BEDROCK_MODEL", "m",
                P + "2_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "2_BEDROCK_ACCESS_KEYS", "A1,A2,A3,A4,A5,A6", P + "2_BEDROCK_ACCESS_KEY_SECRETS", "1,2,3,4,5,6",
                P + "3_TYPE", "bedrock", P + "3_NAME", "b3", P + "3_BEDROCK_REGION", r, P + "3_BEDROCK_MODEL", "m",
                P + "3_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "3_BEDROCK_ACCESS_KEYS", "A1,A1", P + "3_BEDROCK_ACCESS_KEY_SECRETS", "s1,",
                P + "4_TYPE", "bedrock", P + "4_NAME", "b4", P + "4_BEDROCK_REGION", r, P + "4_BEDROCK_MODEL", "m",
                P + "4_BEDROCK_SMALL_FAST_MODEL", "f",
                P + "4_BEDROCK_ACCESS_KEYS", "A1,A2", P + "4_BEDROCK_ACCESS_KEY_SECRETS", "s1,s2");

        assertThat(problems).containsExactly(
                P + "0_BEDROCK_ACCESS_KEY and " + P + "0_BEDROCK_ACCESS_KEYS are mutually exclusive",
                P + "0_BEDROCK_ACCESS_KEY_SECRET and " + P + "0_BEDROCK_ACCESS_KEY_SECRETS are mutually exclusive",
                P + "1_BEDROCK_ACCESS_KEYS count (2) must match " + P + "1_BEDROCK_ACCESS_KEY_SECRET count (1)",
                P + "2_BEDROCK_ACCESS_KEYS has 6 values; at most 5 are allowed",
                P + "2_BEDROCK_ACCESS_KEY_SECRETS has 6 values; at most 5 are allowed",
                P + "2_BEDROCK_ACCESS_KEYS has 6 access keys; only one pair is supported for now",
                P + "3_BEDROCK_ACCESS_KEYS contains a duplicate value",
                P + "3_BEDROCK_ACCESS_KEY_SECRETS contains an empty value",
                P + "3_BEDROCK_ACCESS_KEYS has 2 access keys; only one pair is supported for now",
                P + "4_BEDROCK_ACCESS_KEYS has 2 access keys; only one pair is supported for now");
    }
}
