package dev.aigw.recorder.store;

import java.time.Duration;

/** Told how long each batch write to the audit store took, and whether it failed. */
public interface WriteMeter {
    /** A batch was written (or failed, when {@code failed}) after {@code took}. */
    void batch(Duration took, boolean failed);
}
