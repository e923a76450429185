package dev.aigw.gateway.bedrock;

import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.control.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One AWS SDK client per Bedrock provider, built on its first request and rebuilt when its endpoint, region or
 * credentials change. The clients share one HTTP client and the SDK's executors, so a replaced client can be closed
 * while requests it started are still streaming.
 */
final class BedrockClients implements AutoCloseable {
    // Connections to Bedrock, shared by every provider; the SDK's default of 50 would queue a busy node's streams.
    private static final int MAX_CONNECTIONS = 1000;

    private final SdkAsyncHttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bedrock-sdk-scheduler").daemon().factory());
    private final ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Built> clients = new ConcurrentHashMap<>();

    /** What a client is built from; a provider whose target changes gets a new client. */
    private record Target(URI endpoint, String region, Optional<String> accessKey, Optional<String> accessKeySecret) {
        static Target of(ProviderConfig provider) {
            ProviderSettings.Bedrock b = provider.bedrock().orElseThrow();
            return new Target(provider.baseUrl(), b.region(), b.accessKey(), b.accessKeySecret());
        }
    }

    /**
     * A provider's client and the credentials it signs with.
     *
     * @param target      what it was built from
     * @param client      the SDK client
     * @param credentials static keys, or the SDK's default chain
     */
    record Built(Target target, BedrockRuntimeAsyncClient client, AwsCredentialsProvider credentials) {
        // The default chain holds refreshing providers (SSO, instance profile); static keys hold nothing.
        void close() {
            client.close();
            if (credentials instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    BedrockClients(UpstreamTimeouts timeouts) {
        // Bedrock sends a blocking answer only when it is complete, and a stream may pause; our own timeouts govern both.
        Duration read = timeouts.firstByte().compareTo(timeouts.idle()) > 0 ? timeouts.firstByte() : timeouts.idle();
        this.http = NettyNioAsyncHttpClient.builder()
                .connectionTimeout(timeouts.connect())
                .readTimeout(read)
                .maxConcurrency(MAX_CONNECTIONS)
                .build();
    }

    /** The provider's client; throws {@link BedrockFailure} when no AWS region can be found for it. */
    Built of(ProviderConfig provider) {
        Target target = Target.of(provider);
        return clients.compute(provider.name(), (name, built) -> {
            if (built != null && built.target().equals(target)) {
                return built;
            }
            if (built != null) {
                built.close();
            }
            return build(name, target);
        });
    }

    private Built build(String name, Target target) {
        AwsCredentialsProvider credentials = target.accessKey().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(target.accessKey().get(),
                        target.accessKeySecret().orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        BedrockRuntimeAsyncClient client = BedrockRuntimeAsyncClient.builder()
                .httpClient(http)
                .endpointOverride(target.endpoint())
                .region(region(name, target))
                .credentialsProvider(credentials)
                // The client retries on its own (Claude Code does, and honours Retry-After); retrying here too would
                // multiply the wait and hide throttling from the audit.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).scheduledExecutorService(scheduler))
                .asyncConfiguration(a -> a.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, completions))
                .build();
        return new Built(target, client, credentials);
    }

    // SigV4 signs for a region: the configured one, else the SDK's (AWS_REGION, profile, instance metadata).
    private static Region region(String name, Target target) {
        if (!target.region().isBlank()) {
            return Region.of(target.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            throw BedrockFailure.configuration("provider " + name + " has no AWS region to sign for: set its"
                    + " BEDROCK_REGION, or AWS_REGION for the gateway (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        clients.values().forEach(Built::close);
        http.close();
        scheduler.shutdownNow();
        completions.shutdownNow();
    }
}
