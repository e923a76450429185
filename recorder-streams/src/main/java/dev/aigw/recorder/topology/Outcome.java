package dev.aigw.recorder.topology;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.SummaryChange;
import java.util.List;

/** What became of one interception event (or of a timeout), before it is split into rows, changes and dead letters. */
sealed interface Outcome {
    /**
     * The event was folded in.
     *
     * @param rows   rows to write
     * @param change the interception's changed contribution to its session and usage, or null
     */
    record Recorded(List<AuditRow> rows, SummaryChange change) implements Outcome {
    }

    /** The event goes to the dead-letter topic as it came, with the reason in the record's headers. */
    record Rejected(byte[] key, byte[] value) implements Outcome {
    }
}
