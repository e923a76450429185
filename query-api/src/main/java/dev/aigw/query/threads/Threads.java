package dev.aigw.query.threads;

import dev.aigw.query.store.Details;
import dev.aigw.query.store.InterceptionRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Links a session's interceptions into threads. An interception whose correlating tool-call id names a tool call made
 * by an earlier interception of the session joins that interception's thread; any other starts a thread.
 */
public final class Threads {
    private Threads() {
    }

    /** The threads of interceptions given oldest first, oldest first; {@code details} holds their tool calls by id. */
    public static List<SessionThread> link(List<InterceptionRow> oldestFirst, Map<UUID, Details> details) {
        List<List<InterceptionRow>> threads = new ArrayList<>();
        Map<String, List<InterceptionRow>> byToolCall = new HashMap<>();
        for (InterceptionRow row : oldestFirst) {
            List<InterceptionRow> thread = row.correlatingToolCallId() == null ? null
                    : byToolCall.get(row.correlatingToolCallId());
            if (thread == null) {
                thread = new ArrayList<>();
                threads.add(thread);
            }
            thread.add(row);
            for (Details.ToolCall call : details.getOrDefault(row.id(), Details.NONE).toolCalls()) {
                if (call.toolCallId() != null) {
                    byToolCall.put(call.toolCallId(), thread);
                }
            }
        }
        return threads.stream().map(steps -> new SessionThread(List.copyOf(steps))).toList();
    }
}
