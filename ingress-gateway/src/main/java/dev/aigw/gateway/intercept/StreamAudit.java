package dev.aigw.gateway.intercept;

import dev.aigw.gateway.intercept.sse.SseEvent;
import java.util.Optional;
import java.util.function.Consumer;

/** Follows one API's SSE stream as it is relayed and records what it says. */
public interface StreamAudit extends Consumer<SseEvent> {
    /** Records what can only be known at the end of the stream; call once, after the last event. */
    void finish();

    /** The error the upstream reported inside the stream, if any. */
    Optional<String> error();
}
