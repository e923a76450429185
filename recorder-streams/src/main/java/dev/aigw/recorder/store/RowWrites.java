package dev.aigw.recorder.store;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.kafka.DeadLetters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One attempt to write the rows the sink holds. A batch that fails for a transient reason is kept whole for the next
 * attempt. A batch that fails permanently ({@link WriteFailures#permanent}) has a row Cassandra will never take, but
 * the batch's failure does not say which: every row is then written alone, the ones refused for good go to the dead
 * letter and leave the batch, and the rest are written (or, failing transiently, kept).
 */
final class RowWrites {
    /** Where rows are written. */
    interface Store {
        /** Writes {@code rows}; the future fails if any write failed. */
        CompletableFuture<Void> write(Collection<AuditRow> rows, Instant now);
    }

    /** Where a row the store refuses for good goes. */
    interface DeadLetters {
        /** Sends {@code row}, refused by {@code table} because of {@code failure}; throws if it could not. */
        void send(String key, AuditRow row, String table, Throwable failure) throws Exception;
    }

    /** What an attempt did. */
    sealed interface Attempt {
    }

    /** Every held row is written or dead-lettered; {@code rejected} of them went to the dead letter. */
    record Done(int written, int rejected) implements Attempt {
    }

    /** Some rows are still held: the store failed transiently (or the dead letter could not be sent). */
    record Held(Throwable cause, int rejected) implements Attempt {
    }

    private RowWrites() {
    }

    /**
     * Writes every row of {@code held} (maps from row key to row, one per partition), removing from them the rows that
     * went to the dead letter.
     */
    static Attempt attempt(Collection<Map<String, AuditRow>> held, Store store, DeadLetters deadLetters, Instant now)
            throws InterruptedException {
        List<AuditRow> all = held.stream().flatMap(m -> m.values().stream()).toList();
        Throwable failure = failure(store.write(all, now));
        if (failure == null) {
            return new Done(all.size(), 0);
        }
        if (!WriteFailures.permanent(failure)) {
            return new Held(failure, 0);
        }
        Map<AuditRow, CompletableFuture<Void>> singles = new IdentityHashMap<>();
        all.forEach(row -> singles.put(row, store.write(List.of(row), now)));
        Throwable transientFailure = null;
        int rejected = 0;
        List<AuditRow> written = new ArrayList<>();
        for (Map<String, AuditRow> rows : held) {
            for (Iterator<Map.Entry<String, AuditRow>> it = rows.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, AuditRow> entry = it.next();
                Throwable single = failure(singles.get(entry.getValue()));
                if (single == null) {
                    written.add(entry.getValue());
                } else if (!WriteFailures.permanent(single)) {
                    transientFailure = single;
                } else {
                    try {
                        deadLetters.send(entry.getKey(), entry.getValue(), WriteFailures.table(single),
                                WriteFailures.unwrap(single));
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        transientFailure = e;
                        continue;
                    }
                    it.remove();
                    rejected++;
                }
            }
        }
        return transientFailure == null ? new Done(written.size(), rejected) : new Held(transientFailure, rejected);
    }

    private static Throwable failure(CompletableFuture<Void> write) throws InterruptedException {
        try {
            write.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
