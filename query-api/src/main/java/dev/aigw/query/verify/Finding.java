package dev.aigw.query.verify;

import java.util.Locale;
import java.util.UUID;

/**
 * One row the chain check found wrong.
 *
 * @param interceptionId the interception whose rows were changed, removed or inserted
 * @param detail         what told it
 */
public record Finding(Kind kind, String sessionId, String initiatorId, UUID interceptionId, String detail) {
    /** What happened to the row. */
    public enum Kind {
        /** Its rows differ from what was signed. */
        CHANGED,
        /** It was signed and is gone. */
        REMOVED,
        /** It carries no valid link where the chain says one must be. */
        INSERTED;

        /** The name the API shows. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
