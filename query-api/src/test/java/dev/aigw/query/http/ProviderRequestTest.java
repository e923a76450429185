package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.control.ProviderSettings;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderRequestTest {
    private static final ProviderSettings CURRENT = new ProviderSettings("anthropic", "anthropic", "https://a/",
            List.of("sk-current-secret-0123456789"), Optional.empty(), Optional.empty(), true);

    @Test
    void shouldKeepWriteOnlySecretsWhenAPutLeavesThemOut() {
        ProviderSettings changed = ProviderRequest.parse("anthropic",
                JsonBody.parse("{\"base_url\": \"https://b/\", \"enabled\": false}"), Optional.of(CURRENT));

        assertThat(changed).isEqualTo(new ProviderSettings("anthropic", "anthropic", "https://b/", CURRENT.keys(),
                Optional.empty(), Optional.empty(), false));
    }

    @Test
    void shouldNameTheFieldOfAMalformedOrMissingValue() {
        assertThatThrownBy(() -> ProviderRequest.parse("x", JsonBody.parse("{\"base_url\": \"https://b/\"}"), Optional.empty()))
                .isInstanceOf(ApiException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> ProviderRequest.parse("x", JsonBody.parse("{\"type\": \"openai\", \"base_url\": \"https://b/\","
                + " \"keys\": \"one\"}"), Optional.empty())).hasMessageContaining("keys");
        assertThatThrownBy(() -> ProviderRequest.parse("x", JsonBody.parse("{\"name\": \"y\"}"), Optional.of(CURRENT)))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> JsonBody.parse("[1]")).hasMessageContaining("body");
        assertThatThrownBy(() -> JsonBody.parse("{\"type\": ")).isInstanceOf(ApiException.class);
    }
}
