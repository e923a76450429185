package dev.aigw.recorder.store;

import dev.aigw.events.v1.InterceptionEvent;

/** Writes one interception event into the audit tables, idempotently. */
public interface AuditWriter {
    /** Upserts the rows the event stands for; writing the same event twice leaves the same rows. */
    void write(InterceptionEvent event);
}
