package dev.aigw.gateway.logging;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.gateway.sink.EventSink;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Structured logging of the reference: every event is also one INFO line {@value #MESSAGE} with its
 * {@code record_type} and fields, for log pipelines that feed a SIEM without reading Kafka.
 */
public final class InterceptionLog implements EventSink {
    /** The message of every line, which pipelines filter on. */
    public static final String MESSAGE = "interception log";
    private static final Logger LOG = Logger.getLogger(InterceptionLog.class.getName());

    private final EventSink next;

    private InterceptionLog(EventSink next) {
        this.next = next;
    }

    /** Logs each event, then hands it to {@code next}. */
    public static EventSink around(EventSink next) {
        return new InterceptionLog(next);
    }

    @Override
    public void emit(InterceptionEvent event) {
        if (LOG.isLoggable(Level.INFO)) {
            RecordFields.of(event).log(LOG, Level.INFO, MESSAGE);
        }
        next.emit(event);
    }

    @Override
    public void close() {
        next.close();
    }
}
