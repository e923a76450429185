package dev.aigw.gateway.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.control.ProviderSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class BedrockClientsTest {
    private static final ProviderSettings.Bedrock KEYS = new ProviderSettings.Bedrock("us-west-2", Optional.of("AKID"),
            Optional.of("secret"), "model", "small");

    @Test
    void shouldKeepAProvidersClientUntilWhatItIsBuiltFromChanges() {
        try (BedrockClients clients = new BedrockClients(UpstreamTimeouts.DEFAULTS)) {
            BedrockClients.Built first = clients.of(provider("a", KEYS));

            assertThat(clients.of(provider("a", new ProviderSettings.Bedrock("us-west-2", Optional.of("AKID"),
                    Optional.of("secret"), "other-model", "other-small")))).as("models are per request").isSameAs(first);
            assertThat(clients.of(provider("b", KEYS))).as("each provider has its own").isNotSameAs(first);
            BedrockClients.Built rotated = clients.of(provider("a", new ProviderSettings.Bedrock("us-west-2",
                    Optional.of("AKID2"), Optional.of("secret2"), "model", "small")));
            assertThat(rotated).isNotSameAs(first);
            assertThat(rotated.credentials()).isInstanceOf(StaticCredentialsProvider.class);
            assertThat(rotated.credentials().resolveCredentials().accessKeyId()).isEqualTo("AKID2");
        }
    }

    private static ProviderConfig provider(String name, ProviderSettings.Bedrock bedrock) {
        return new ProviderConfig(ProviderType.BEDROCK, name, URI.create("https://bedrock-runtime.us-west-2.amazonaws.com"),
                List.of(), Optional.empty(), Optional.of(bedrock));
    }
}
