package dev.aigw.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.schemas.control.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutedProviderTest {
    private static final ProviderSettings.Bedrock BEDROCK =
            new ProviderSettings.Bedrock("us-east-1", Optional.empty(), Optional.empty(), "", "");

    @Test
    void shouldRouteAnEnabledProviderOfAServedType() {
        ProviderSettings openai = new ProviderSettings("azure", "openai", "https://a.example/v1", List.of("k"),
                Optional.empty(), Optional.of("/dumps"), true);

        assertThat(RoutedProvider.of(openai).route()).hasValue(new ProviderConfig(ProviderType.OPENAI, "azure",
                URI.create("https://a.example/v1"), List.of("k"), Optional.of(Path.of("/dumps"))));
    }

    @Test
    void shouldNotRouteDisabledOrBedrockProviders() {
        ProviderSettings disabled = new ProviderSettings("a", "anthropic", "https://a/", List.of(), Optional.empty(),
                Optional.empty(), false);
        ProviderSettings bedrock = new ProviderSettings("b", "bedrock", BEDROCK.regionalEndpoint(), List.of(),
                Optional.of(BEDROCK), Optional.empty(), true);
        ProviderSettings anthropicViaBedrock = new ProviderSettings("c", "anthropic", BEDROCK.regionalEndpoint(), List.of(),
                Optional.of(BEDROCK), Optional.empty(), true);

        assertThat(RoutedProvider.of(disabled).route()).isEmpty();
        assertThat(RoutedProvider.of(bedrock).route()).isEmpty();
        assertThat(RoutedProvider.of(anthropicViaBedrock).route()).isEmpty();
    }
}
