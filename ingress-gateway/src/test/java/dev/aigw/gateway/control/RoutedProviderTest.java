package dev.aigw.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.provider.BedrockProvider;
import dev.aigw.gateway.provider.Provider;
import dev.aigw.control.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutedProviderTest {
    private static final ProviderSettings.Bedrock BEDROCK = new ProviderSettings.Bedrock("us-east-1", Optional.empty(),
            Optional.empty(), "anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0");

    @Test
    void shouldRouteAnEnabledProviderOfAServedType() {
        ProviderSettings openai = new ProviderSettings("azure", "openai", "https://a.example/v1", List.of("k"),
                Optional.empty(), Optional.of("/dumps"), true);

        assertThat(RoutedProvider.of(openai).route().map(Provider::config)).hasValue(new ProviderConfig(ProviderType.OPENAI, "azure",
                URI.create("https://a.example/v1"), List.of("k"), Optional.of(Path.of("/dumps"))));
    }

    @Test
    void shouldNotRouteADisabledProvider() {
        ProviderSettings disabled = new ProviderSettings("a", "anthropic", "https://a/", List.of(), Optional.empty(),
                Optional.empty(), false);

        assertThat(RoutedProvider.of(disabled).route()).isEmpty();
    }

    @Test
    void shouldRouteBothKindsOfBedrockProviderAsBedrock() {
        ProviderSettings bedrock = new ProviderSettings("b", "bedrock", BEDROCK.regionalEndpoint(), List.of(),
                Optional.of(BEDROCK), Optional.empty(), true);
        ProviderSettings anthropicViaBedrock = new ProviderSettings("c", "anthropic", BEDROCK.regionalEndpoint(), List.of(),
                Optional.of(BEDROCK), Optional.empty(), true);

        for (ProviderSettings settings : List.of(bedrock, anthropicViaBedrock)) {
            Provider route = RoutedProvider.of(settings).route().orElseThrow();
            assertThat(route.config()).isEqualTo(new ProviderConfig(ProviderType.BEDROCK, settings.name(),
                    URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"), List.of(), Optional.empty(),
                    Optional.of(BEDROCK)));
            assertThat(route).isInstanceOf(BedrockProvider.class);
            assertThat(route.kind()).isEqualTo("bedrock");
        }
    }
}
