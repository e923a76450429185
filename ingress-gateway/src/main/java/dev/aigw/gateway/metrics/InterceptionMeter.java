package dev.aigw.gateway.metrics;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.Payload;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.sink.EventSink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One interception as the metrics see it: in flight until closed, then counted with its outcome and duration. Its
 * prompts, tokens and tool calls are counted from the events it records, so the metrics and the audit agree.
 */
public final class InterceptionMeter implements AutoCloseable {
    private final InterceptionMeters meters;
    private final long start = System.nanoTime();
    // Set by the end event; an interception whose handler failed before recording one counts as failed.
    private volatile InterceptionStatus status = InterceptionStatus.FAILED;

    InterceptionMeter(InterceptionMeters meters) {
        this.meters = meters;
        meters.inFlight().incrementAndGet();
    }

    /** A sink that counts what this interception records before handing each event to {@code next}. */
    public EventSink counting(EventSink next) {
        return new EventSink() {
            @Override
            public void emit(InterceptionEvent event) {
                count(Payload.of(event));
                next.emit(event);
            }

            // The view belongs to one interception; the shared sink it feeds is the gateway's to close.
            @Override
            public void close() {
            }
        };
    }

    /** Records the answer's time to first byte and the gateway's overhead, once the answer is relayed. */
    public void relayed(Overhead overhead) {
        meters.relay().record(overhead);
    }

    @Override
    public void close() {
        meters.inFlight().decrementAndGet();
        meters.duration().record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        meters.outcome(status).increment();
    }

    private void count(Payload payload) {
        switch (payload) {
            case Payload.Prompt(PromptUsage p) -> {
                if (!p.getPrompt().isBlank()) {
                    meters.prompts().increment();
                }
            }
            case Payload.Tokens(TokenUsage t) -> tokens(t);
            case Payload.Tool(ToolUsage t) -> tool(t);
            case Payload.Ended(InterceptionEnded e) -> status = e.getStatus();
            case Payload.Started _, Payload.Thought _ -> {
                // The start and the model's thoughts have no counter of their own.
            }
        }
    }

    private void tokens(TokenUsage t) {
        tokens("input", t.getInputTokens());
        tokens("output", t.getOutputTokens());
        tokens("cache_read_input_tokens", t.getCacheReadInputTokens());
        tokens("cache_write_input_tokens", t.getCacheWriteInputTokens());
        Map<String, Long> extra = t.getExtra();
        extra.forEach((type, n) -> {
            if (n > 0) {
                tokens(type, n);
            }
        });
        // Responses already reports reasoning among its extra types; Chat Completions only in the field.
        if (t.getReasoningTokens() > 0 && !extra.containsKey("output_reasoning")) {
            tokens("output_reasoning", t.getReasoningTokens());
        }
    }

    private void tokens(String type, long n) {
        meters.tokens(type).increment(n);
    }

    private void tool(ToolUsage t) {
        meters.tool(t.getTool(), t.getInjected(), t.getInjected() ? server(t.getServerUrl()) : "").increment();
    }

    // A server URL may carry credentials in its user info or query; the label keeps scheme, host, port and path.
    private static String server(String url) {
        if (url == null) {
            return "";
        }
        try {
            URI u = URI.create(url);
            return u.getHost() == null ? "" : new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
                    .toString();
        } catch (IllegalArgumentException | URISyntaxException e) {
            return "";
        }
    }
}
