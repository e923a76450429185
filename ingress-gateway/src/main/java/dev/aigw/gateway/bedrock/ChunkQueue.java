package dev.aigw.gateway.bedrock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ResponseStream;

/**
 * Bedrock's decoded stream handed from the SDK's threads to the request's thread. One chunk is asked for at a time,
 * the next only once the request's thread has taken the last, so a slow client slows Bedrock down instead of filling
 * memory.
 */
final class ChunkQueue implements Subscriber<ResponseStream> {
    /** What the stream did next. */
    sealed interface Signal {
    }

    /**
     * A chunk: one Anthropic stream event as JSON.
     *
     * @param json the event
     */
    record Chunk(byte[] json) implements Signal {
    }

    /**
     * The stream or the call failed.
     *
     * @param error why
     */
    record Failed(Throwable error) implements Signal {
    }

    /** The stream ended. */
    record Done() implements Signal {
    }

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private volatile Subscription subscription;

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(ResponseStream event) {
        if (event instanceof PayloadPart part) {
            signals.add(new Chunk(part.bytes().asByteArray()));
        } else {
            // An event type this SDK does not know carries nothing to relay.
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable error) {
        signals.add(new Failed(error));
    }

    @Override
    public void onComplete() {
        signals.add(new Done());
    }

    /** The next signal within {@code wait}, empty when none came; taking a chunk asks for the next. */
    Optional<Signal> next(Duration wait) throws InterruptedException {
        Signal signal = signals.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (signal instanceof Chunk) {
            subscription.request(1);
        }
        return Optional.ofNullable(signal);
    }

    /** A failure reported after the stream completed, if any: the SDK can end the stream before it names the error. */
    Optional<Throwable> lateFailure() {
        return signals.stream().filter(Failed.class::isInstance).map(f -> ((Failed) f).error()).findFirst();
    }

    /** Stops the stream; nothing more is read from Bedrock. */
    void cancel() {
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}
