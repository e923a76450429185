package dev.aigw.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassthroughTest {
    private static final HttpProvider ANTHROPIC = provider(ProviderType.ANTHROPIC);
    private static final HttpProvider OPENAI = provider(ProviderType.OPENAI);
    private static final HttpProvider COPILOT = provider(ProviderType.COPILOT);

    @Test
    void shouldPassTheWhitelistOfEachTypeAndDropOpenAisVersionPrefix() {
        assertThat(upstreamPath(ANTHROPIC, "/v1/models")).hasValue("/v1/models");
        assertThat(upstreamPath(ANTHROPIC, "/v1/messages/count_tokens")).hasValue("/v1/messages/count_tokens");
        assertThat(upstreamPath(OPENAI, "/v1/models/gpt-4.1")).hasValue("/models/gpt-4.1");
        assertThat(upstreamPath(OPENAI, "/v1/responses/resp_1")).hasValue("/responses/resp_1");
        assertThat(upstreamPath(COPILOT, "/.well-known/oauth")).hasValue("/.well-known/oauth");
    }

    @Test
    void shouldRefuseEverythingElse() {
        assertThat(upstreamPath(OPENAI, "/v1/completions")).isEmpty();
        assertThat(upstreamPath(OPENAI, "/models")).isEmpty();
        assertThat(upstreamPath(ANTHROPIC, "/v1/files")).isEmpty();
        assertThat(upstreamPath(ANTHROPIC, "/v1/models/../../admin")).isEmpty();
        assertThat(upstreamPath(COPILOT, "/chat")).isEmpty();
        assertThat(upstreamPath(OPENAI, "/v1/responses")).isEmpty();
    }

    @Test
    void shouldNameTheWhitelistEntryAsTheRouteSoIdsStayOutOfLabels() {
        assertThat(route(ANTHROPIC, "/v1/models")).hasValue("/v1/models");
        assertThat(route(ANTHROPIC, "/v1/models/claude-sonnet-4-0")).hasValue("/v1/models/.+");
        assertThat(route(OPENAI, "/v1/conversations/conv_123")).hasValue("/conversations/.+");
        assertThat(route(COPILOT, "/chat")).isEmpty();
    }

    private static Optional<String> upstreamPath(HttpProvider provider, String rest) {
        return provider.passthrough(rest).map(PassthroughRoute::upstreamPath);
    }

    private static Optional<String> route(HttpProvider provider, String rest) {
        return provider.passthrough(rest).map(PassthroughRoute::route);
    }

    private static HttpProvider provider(ProviderType type) {
        return (HttpProvider) Provider.of(new ProviderConfig(type, type.wireName(), URI.create("https://upstream.example/"),
                List.of(), Optional.empty()));
    }
}
