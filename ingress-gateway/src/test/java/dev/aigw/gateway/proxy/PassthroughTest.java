package dev.aigw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.gateway.config.ProviderType;
import org.junit.jupiter.api.Test;

class PassthroughTest {
    @Test
    void shouldPassTheWhitelistOfEachTypeAndDropOpenAisVersionPrefix() {
        assertThat(Passthrough.upstreamPath(ProviderType.ANTHROPIC, "/v1/models")).hasValue("/v1/models");
        assertThat(Passthrough.upstreamPath(ProviderType.ANTHROPIC, "/v1/messages/count_tokens")).hasValue("/v1/messages/count_tokens");
        assertThat(Passthrough.upstreamPath(ProviderType.OPENAI, "/v1/models/gpt-4.1")).hasValue("/models/gpt-4.1");
        assertThat(Passthrough.upstreamPath(ProviderType.OPENAI, "/v1/responses/resp_1")).hasValue("/responses/resp_1");
        assertThat(Passthrough.upstreamPath(ProviderType.COPILOT, "/.well-known/oauth")).hasValue("/.well-known/oauth");
    }

    @Test
    void shouldRefuseEverythingElse() {
        assertThat(Passthrough.upstreamPath(ProviderType.OPENAI, "/v1/completions")).isEmpty();
        assertThat(Passthrough.upstreamPath(ProviderType.OPENAI, "/models")).isEmpty();
        assertThat(Passthrough.upstreamPath(ProviderType.ANTHROPIC, "/v1/files")).isEmpty();
        assertThat(Passthrough.upstreamPath(ProviderType.ANTHROPIC, "/v1/models/../../admin")).isEmpty();
        assertThat(Passthrough.upstreamPath(ProviderType.COPILOT, "/chat")).isEmpty();
        assertThat(Passthrough.upstreamPath(ProviderType.OPENAI, "/v1/responses")).isEmpty();
    }

    @Test
    void shouldNameTheWhitelistEntryAsTheRouteSoIdsStayOutOfLabels() {
        assertThat(Passthrough.route(ProviderType.ANTHROPIC, "/v1/models")).hasValue("/v1/models");
        assertThat(Passthrough.route(ProviderType.ANTHROPIC, "/v1/models/claude-sonnet-4-0")).hasValue("/v1/models/.+");
        assertThat(Passthrough.route(ProviderType.OPENAI, "/conversations/conv_123")).hasValue("/conversations/.+");
        assertThat(Passthrough.route(ProviderType.COPILOT, "/chat")).isEmpty();
    }
}
