package dev.aigw.gateway.bedrock;

import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.provider.BedrockProvider;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Anthropic Messages requests to providers reached through Amazon Bedrock: InvokeModel for a blocking request,
 * InvokeModelWithResponseStream for a streamed one, through the provider's AWS SDK client.
 */
public final class BedrockBridge implements AutoCloseable {
    /** The content type of Bedrock's Claude bodies, both ways. */
    static final String JSON = "application/json";

    private final UpstreamTimeouts timeouts;
    private final BedrockClients clients;

    /** A bridge that waits on Bedrock as long as {@code timeouts} allow. */
    public BedrockBridge(UpstreamTimeouts timeouts) {
        this.timeouts = timeouts;
        this.clients = new BedrockClients(timeouts);
    }

    /** The request in Bedrock's form: the model mapped, the client's {@code Anthropic-Beta} header lines in the body. */
    public ApiRequest adapt(BedrockProvider provider, ApiRequest parsed, List<String> betaHeaders) {
        return BedrockRequest.adapt(provider.settings(), parsed, betaHeaders);
    }

    /**
     * Calls Bedrock with an {@link #adapt adapted} request and answers the client as the Anthropic API would, recording
     * the answer's facts and the end of {@code interception}.
     */
    public void relay(BedrockProvider provider, ApiRequest request, ServerResponse res, Interception interception)
            throws InterruptedException {
        try {
            BedrockClients.Built built = clients.of(provider.config());
            resolveCredentials(provider, built);
            if (request.stream()) {
                BedrockStream.relay(built.client(), request, res, interception, timeouts);
            } else {
                blocking(built.client(), request, res, interception);
            }
        } catch (BedrockFailure failure) {
            failure.answer(res, interception);
        } catch (InterruptedException e) {
            // Only while waiting on Bedrock, before the end was recorded: the node is stopping.
            interception.end(InterceptionStatus.CANCELLED, null, "interrupted", "the gateway stopped waiting for Bedrock");
            throw e;
        }
    }

    // The SDK would fail the call as well, but later and in words about its chain; this says which provider lacks them.
    private static void resolveCredentials(BedrockProvider provider, BedrockClients.Built built) {
        try {
            built.credentials().resolveCredentials();
        } catch (SdkClientException e) {
            throw BedrockFailure.credentials(provider.name(), e);
        }
    }

    private void blocking(BedrockRuntimeAsyncClient client, ApiRequest request, ServerResponse res, Interception interception)
            throws InterruptedException {
        CompletableFuture<InvokeModelResponse> call = client.invokeModel(b -> b.modelId(request.model())
                .contentType(JSON).accept(JSON).body(SdkBytes.fromByteArrayUnsafe(request.upstreamBody())));
        InvokeModelResponse answer;
        try {
            answer = call.get(timeouts.firstByte().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw BedrockFailure.silent("upstream_timeout", "answer", timeouts.firstByte().toSeconds());
        } catch (ExecutionException e) {
            throw BedrockFailure.of(e, timeouts);
        }
        byte[] body = answer.body().asByteArrayUnsafe();
        res.status(Status.OK_200).header(HeaderNames.CONTENT_TYPE, JSON).send(body);
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.read(answer.sdkHttpResponse()::firstMatchingHeader);
        try {
            Api.MESSAGES.payloads(body).forEach(payload -> interception.record(metrics.addTo(payload)));
            interception.end(InterceptionStatus.COMPLETED, 200, null, null);
        } catch (IOException e) {
            interception.end(InterceptionStatus.COMPLETED, 200, "response_not_parsed",
                    "Bedrock answered 200 with a body that is not JSON");
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
