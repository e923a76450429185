package dev.aigw.gateway.metrics;

import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.sink.EventSink;
import io.micrometer.core.instrument.Tags;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One interception as the metrics see it: in flight until closed, then counted with its outcome and duration. Its
 * prompts, tokens and tool calls are counted from the events it records, so the metrics and the audit agree.
 */
public final class InterceptionMeter implements AutoCloseable {
    private final GatewayMetrics metrics;
    private final Tags model;
    private final Tags person;
    private final Tags request;
    private final Tags relay;
    private final AtomicLong inFlight;
    private final long start = System.nanoTime();
    // Set by the end event; an interception whose handler failed before recording one counts as failed.
    private volatile InterceptionStatus status = InterceptionStatus.FAILED;

    /**
     * @param model    provider and model
     * @param person   client, and the user id when per-person labels are on
     * @param request  route and method
     * @param relay    provider, route and streaming, the labels of time to first byte and overhead
     * @param inFlight the gauge of this provider, model and route
     */
    InterceptionMeter(GatewayMetrics metrics, Tags model, Tags person, Tags request, Tags relay, AtomicLong inFlight) {
        this.metrics = metrics;
        this.model = model;
        this.person = person;
        this.request = request;
        this.relay = relay;
        this.inFlight = inFlight;
        inFlight.incrementAndGet();
    }

    /** A sink that counts what this interception records before handing each event to {@code next}. */
    public EventSink counting(EventSink next) {
        return new EventSink() {
            @Override
            public void emit(InterceptionEvent event) {
                count(event.getPayload());
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
        metrics.relayed(relay, overhead);
    }

    @Override
    public void close() {
        inFlight.decrementAndGet();
        metrics.interceptionEnded(model, System.nanoTime() - start);
        String outcome = status.name().toLowerCase(Locale.ROOT);
        metrics.counter("interceptions", model.and(person).and(request).and("status", outcome)).increment();
    }

    private void count(Object payload) {
        switch (payload) {
            case PromptUsage p when !p.getPrompt().isBlank() -> metrics.counter("prompts", model.and(person)).increment();
            case TokenUsage t -> tokens(t);
            case ToolUsage t -> tool(t);
            case InterceptionEnded e -> status = e.getStatus();
            default -> {
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
        metrics.counter("tokens", model.and(person).and("type", type)).increment(n);
    }

    private void tool(ToolUsage t) {
        Tags tags = model.and("name", metrics.tool(t.getTool()));
        if (t.getInjected()) {
            metrics.counter("injected_tool_invocations", tags.and("server", server(t.getServerUrl()))).increment();
        } else {
            metrics.counter("non_injected_tool_selections", tags).increment();
        }
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
