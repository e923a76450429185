package dev.aigw.gateway.provider;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.control.ProviderSettings;
import java.util.List;
import java.util.Map;

/**
 * The Anthropic Messages API served through Amazon Bedrock: the request is adapted to Bedrock's form and sent with the
 * AWS SDK, signed with the provider's access key or what the SDK's chain finds. Bedrock has none of the Anthropic
 * API's other routes.
 */
public record BedrockProvider(ProviderConfig config) implements Provider {
    static final Map<String, Api> ROUTES = Map.of("/v1/messages", Api.MESSAGES);

    /** The region, models and credentials the provider reaches Bedrock with. */
    public ProviderSettings.Bedrock settings() {
        return config.bedrock().orElseThrow();
    }

    /** The access key calls are signed with, if one is configured (else the SDK's chain finds credentials). */
    public List<String> accessKeys() {
        return settings().accessKey().stream().toList();
    }

    @Override
    public Map<String, Api> routes() {
        return ROUTES;
    }

    @Override
    public CallerAuth auth() {
        return CallerAuth.CENTRAL_ONLY;
    }

    @Override
    public ErrorShape errorShape() {
        return ErrorShape.ANTHROPIC;
    }
}
