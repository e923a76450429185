package dev.aigw.gateway.sink;

import dev.aigw.events.v1.InterceptionEvent;

/** Accepts interception events without blocking the request that produced them. */
public interface EventSink extends AutoCloseable {
    /** Hands over one event; never throws because of the transport. */
    void emit(InterceptionEvent event);

    /** Flushes what was accepted and releases the transport. */
    @Override
    void close();
}
