package dev.aigw.recorder.store;

import java.time.Duration;

/** Told how long each batch write to the audit store took, whether it failed, and of rows it refused for good. */
public interface WriteMeter {
    /** A batch was written (or failed, when {@code failed}) after {@code took}. */
    void batch(Duration took, boolean failed);

    /** A row went to the dead letter for {@code reason}. */
    void deadLettered(String reason);
}
