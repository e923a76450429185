package dev.aigw.query.threads;

import dev.aigw.query.store.InterceptionRow;
import java.util.List;
import java.util.UUID;

/**
 * One thread of a session: an interception that answers no earlier tool call (usually a person's prompt), then each
 * interception that answers a tool call made within the thread (the agent's actions), oldest first.
 *
 * @param steps the interceptions of the thread, the first being the one that started it
 */
public record SessionThread(List<InterceptionRow> steps) {
    /** The thread's id: its first interception's. */
    public UUID id() {
        return first().id();
    }

    /** The interception that started the thread. */
    public InterceptionRow first() {
        return steps.getFirst();
    }

    /** Its newest interception. */
    public InterceptionRow last() {
        return steps.getLast();
    }
}
