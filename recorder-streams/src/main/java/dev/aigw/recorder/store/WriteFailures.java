package dev.aigw.recorder.store;

import com.datastax.oss.driver.api.core.connection.FrameTooLongException;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Tells a failed write that will never succeed for its row from one that may succeed later.
 *
 * <p>Permanent for the row: whatever Cassandra refuses as invalid (the driver's {@link QueryValidationException}
 * family: a key over 64 KiB, an invalid value, a syntax error), a value no codec can bind, a request too large for a
 * frame, and a value the writer cannot bind at all. Writing such a row again gives the same answer, so the sink sends it
 * to the dead letter and moves on.
 *
 * <p>Everything else is transient: a node down or overloaded, a timeout, a closed connection, and also what nobody
 * foresaw. Holding the batch and retrying costs only time and is loud (readiness, metrics); dropping rows on an error
 * nobody understands would lose the audit silently. A missing permission is a {@link QueryValidationException} too, but
 * it is about the recorder, not the row: it is transient, to be fixed by the operator.
 */
final class WriteFailures {
    private WriteFailures() {
    }

    /** Whether {@code failure} (possibly wrapped by a future) says its row can never be written. */
    static boolean permanent(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UnauthorizedException) {
            return false;
        }
        return cause instanceof QueryValidationException || cause instanceof CodecNotFoundException
                || cause instanceof FrameTooLongException || cause instanceof IllegalArgumentException;
    }

    /** The failure without the wrappers futures and the writer add. */
    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof TableWriteException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The table a failed write was for, or {@code unknown}. */
    static String table(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TableWriteException w) {
                return w.table();
            }
        }
        return "unknown";
    }

    /** A failed write to one table, so that a dead letter can say which table refused its row. */
    static final class TableWriteException extends RuntimeException {
        private final String table;

        TableWriteException(String table, Throwable cause) {
            super("writing to " + table + ": " + cause, cause, false, false);
            this.table = table;
        }

        String table() {
            return table;
        }
    }
}
