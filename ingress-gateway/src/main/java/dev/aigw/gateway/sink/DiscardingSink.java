package dev.aigw.gateway.sink;

import dev.aigw.events.v1.InterceptionEvent;

/** Drops every event: the sink of {@code AUDIT_EVENTS=discard}, which measures what producing the audit costs. */
public final class DiscardingSink implements EventSink {
    @Override
    public void emit(InterceptionEvent event) {
        // Dropped on purpose: this node was configured to record nothing.
    }

    @Override
    public void close() {
        // Nothing was accepted, so nothing is left to flush.
    }
}
