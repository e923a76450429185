package dev.aigw.gateway.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.ApiRequest;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.intercept.BodyJson;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.sse.SseEvent;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * One streamed Bedrock invocation relayed to the client: each chunk the SDK decodes is written as the Anthropic SSE
 * event it holds and flushed at once, then followed by the Messages audit. The 200 is sent with the first chunk, so
 * an error before it still reaches the client as an Anthropic error with its own status.
 */
final class BedrockStream {
    private final UpstreamTimeouts timeouts;
    private final ServerResponse res;
    private final Interception interception;
    private final ChunkQueue queue = new ChunkQueue();
    private final InvocationMetrics metrics = new InvocationMetrics();
    private final StreamAudit audit;
    private OutputStream out;

    private BedrockStream(UpstreamTimeouts timeouts, ServerResponse res, Interception interception) {
        this.timeouts = timeouts;
        this.res = res;
        this.interception = interception;
        this.audit = Api.MESSAGES.follow(payload -> interception.record(metrics.addTo(payload)));
    }

    /** Invokes the model with a response stream, relays it and records its facts and end. */
    static void relay(BedrockRuntimeAsyncClient client, ApiRequest request, ServerResponse res, Interception interception,
                      UpstreamTimeouts timeouts) throws InterruptedException {
        BedrockStream stream = new BedrockStream(timeouts, res, interception);
        CompletableFuture<Void> call = client.invokeModelWithResponseStream(
                b -> b.modelId(request.model()).contentType(BedrockBridge.JSON).accept(BedrockBridge.JSON)
                        .body(SdkBytes.fromByteArrayUnsafe(request.upstreamBody())),
                InvokeModelWithResponseStreamResponseHandler.builder()
                        .onEventStream(publisher -> publisher.subscribe(stream.queue))
                        .onError(stream.queue::onError)
                        .build());
        call.whenComplete((done, error) -> {
            if (error != null) {
                stream.queue.onError(error);
            }
        });
        try {
            stream.follow(call);
        } finally {
            stream.queue.cancel();
            call.cancel(false);
        }
    }

    private void follow(CompletableFuture<Void> call) throws InterruptedException {
        while (true) {
            Duration wait = out == null ? timeouts.firstByte() : timeouts.idle();
            Optional<ChunkQueue.Signal> next = queue.next(wait);
            if (next.isEmpty()) {
                fail(out == null ? BedrockFailure.silent("upstream_timeout", "response", wait.toSeconds())
                        : BedrockFailure.silent("upstream_idle_timeout", "stream event", wait.toSeconds()));
                return;
            }
            switch (next.get()) {
                case ChunkQueue.Chunk chunk -> {
                    if (!relay(chunk.json())) {
                        audit.finish();
                        interception.end(InterceptionStatus.CANCELLED, 200, "client_disconnected",
                                "client went away mid-stream");
                        return;
                    }
                }
                case ChunkQueue.Failed failed -> {
                    fail(BedrockFailure.of(failed.error(), timeouts));
                    return;
                }
                case ChunkQueue.Done done -> {
                    Optional<Throwable> outcome = failure(call);
                    // The error Bedrock named beats the call's own outcome, which may only say the stream was cut.
                    Optional<Throwable> broken = outcome.isPresent() ? queue.lateFailure().or(() -> outcome) : outcome;
                    if (broken.isPresent()) {
                        fail(BedrockFailure.of(broken.get(), timeouts));
                    } else {
                        finish();
                    }
                    return;
                }
            }
        }
    }

    // The event stream can end before the SDK reports that it broke off; the call's outcome tells whether it did.
    private Optional<Throwable> failure(CompletableFuture<Void> call) throws InterruptedException {
        try {
            call.get(timeouts.idle().toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        } catch (TimeoutException e) {
            return Optional.of(e);
        }
    }

    // Client first, audit second, so parsing never delays the relay.
    private boolean relay(byte[] chunk) {
        String text = new String(chunk, StandardCharsets.UTF_8);
        Optional<JsonNode> tree = BodyJson.event(text);
        tree.ifPresent(metrics::read);
        // A line break inside the JSON would end the SSE data line early; Bedrock sends one line, so this is rare.
        String data = text.indexOf('\n') < 0 ? text : tree.map(JsonNode::toString).orElse(text.replace("\n", " "));
        SseEvent event = new SseEvent(tree.map(t -> t.path("type").asText("")).orElse(""), data);
        if (!write(event)) {
            return false;
        }
        audit.accept(event);
        return true;
    }

    private void finish() {
        commit();
        close();
        audit.finish();
        audit.error().ifPresentOrElse(
                e -> interception.end(InterceptionStatus.FAILED, 200, "stream_error", e),
                () -> interception.end(InterceptionStatus.COMPLETED, 200, null, null));
    }

    // After the 200 the client can only learn of a failure from the stream, as it would from the Anthropic API.
    // Bedrock's own mid-stream error is recorded as a stream error, as the Anthropic API's would be.
    private void fail(BedrockFailure failure) {
        if (out == null) {
            failure.answer(res, interception);
            return;
        }
        if (write(failure.event())) {
            close();
        }
        audit.finish();
        if (failure.upstreamStatus() != null) {
            interception.end(InterceptionStatus.FAILED, 200, "stream_error", failure.type() + ": " + failure.getMessage());
        } else {
            interception.end(InterceptionStatus.FAILED, 200, failure.recordedType(), failure.recorded());
        }
    }

    /** Writes and flushes one event, committing the 200 first if nothing was sent; false when the client is gone. */
    private boolean write(SseEvent event) {
        try {
            commit();
            String name = event.event().isEmpty() ? "" : "event: " + event.event() + "\n";
            out.write((name + "data: " + event.data() + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            // The server reports a client that went away with its own runtime exceptions as well.
            return false;
        }
    }

    private void commit() {
        if (out == null) {
            res.status(Status.OK_200)
                    .header(HeaderNames.CONTENT_TYPE, "text/event-stream")
                    .header(HeaderNames.CACHE_CONTROL, "no-cache")
                    .header(HeaderNames.create("X-Accel-Buffering"), "no");
            out = res.outputStream();
        }
    }

    private void close() {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            // The client went away after the last event; nothing is left to tell it.
        }
    }
}
