package dev.aigw.recorder.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.SyntaxError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import dev.aigw.recorder.audit.AuditRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RowWritesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String KEY_TOO_LONG = "Key length of 70012 is longer than maximum of 65535";

    private final List<AuditRow> stored = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();

    @Test
    void shouldTellPermanentFailuresFromTransientOnesWhenClassifying() {
        assertThat(WriteFailures.permanent(new InvalidQueryException(null, KEY_TOO_LONG))).isTrue();
        assertThat(WriteFailures.permanent(new SyntaxError(null, "line 1"))).isTrue();
        assertThat(WriteFailures.permanent(new CodecNotFoundException(null, null))).isTrue();
        assertThat(WriteFailures.permanent(new CompletionException(new WriteFailures.TableWriteException("usage_by_day",
                new InvalidQueryException(null, KEY_TOO_LONG))))).isTrue();

        assertThat(WriteFailures.permanent(new NoNodeAvailableException())).isFalse();
        assertThat(WriteFailures.permanent(new DriverTimeoutException("PT10S"))).isFalse();
        assertThat(WriteFailures.permanent(new OverloadedException(null))).isFalse();
        assertThat(WriteFailures.permanent(new ClosedConnectionException("closed"))).isFalse();
        assertThat(WriteFailures.permanent(AllNodesFailedException.fromErrors(List.of()))).isFalse();
        assertThat(WriteFailures.permanent(new UnauthorizedException(null, "no MODIFY"))).isFalse();
        assertThat(WriteFailures.permanent(new IllegalStateException("unforeseen"))).isFalse();
    }

    @Test
    void shouldDeadLetterTheOneRowCassandraRefusesAndWriteTheOthersWhenTheBatchFailsPermanently() throws Exception {
        Map<String, AuditRow> held = rows("good-1", "bad", "good-2");

        var attempt = RowWrites.attempt(List.of(held), this::refuseBad, this::deadLetter, NOW);

        assertThat(attempt).isEqualTo(new RowWrites.Done(2, 1));
        assertThat(deadLettered).containsExactly("bad@usage_by_day:" + KEY_TOO_LONG);
        assertThat(stored).extracting(r -> ((AuditRow.FilterValue) r).value()).containsExactly("good-1", "good-2");
        assertThat(held).doesNotContainKey("bad");
    }

    @Test
    void shouldHoldTheWholeBatchWhenTheStoreFailsTransiently() throws Exception {
        Map<String, AuditRow> held = rows("a", "b");

        var attempt = RowWrites.attempt(List.of(held), (rows, now) -> failed(new NoNodeAvailableException()),
                this::deadLetter, NOW);

        assertThat(attempt).isInstanceOf(RowWrites.Held.class);
        assertThat(held).containsOnlyKeys("a", "b");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void shouldKeepARefusedRowHeldWhenItsDeadLetterCannotBeSent() throws Exception {
        Map<String, AuditRow> held = rows("bad", "good");

        var attempt = RowWrites.attempt(List.of(held), this::refuseBad, (key, row, table, failure) -> {
            throw new IllegalStateException("kafka away");
        }, NOW);

        assertThat(attempt).isInstanceOf(RowWrites.Held.class);
        assertThat(held).containsKey("bad");
    }

    // Fails any write holding a row whose value is "bad", as Cassandra fails a batch with one key too long.
    private CompletableFuture<Void> refuseBad(Collection<AuditRow> rows, Instant now) {
        if (rows.stream().anyMatch(r -> ((AuditRow.FilterValue) r).value().equals("bad"))) {
            return failed(new WriteFailures.TableWriteException("usage_by_day", new InvalidQueryException(null,
                    KEY_TOO_LONG)));
        }
        if (rows.size() == 1) {
            stored.addAll(rows);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void deadLetter(String key, AuditRow row, String table, Throwable failure) {
        deadLettered.add(key + "@" + table + ":" + failure.getMessage());
    }

    private static CompletableFuture<Void> failed(Throwable t) {
        return CompletableFuture.failedFuture(t);
    }

    private static Map<String, AuditRow> rows(String... values) {
        Map<String, AuditRow> rows = new LinkedHashMap<>();
        for (String v : values) {
            rows.put(v, new AuditRow.FilterValue("model", v, null, LocalDate.of(2026, 12, 1), null));
        }
        return rows;
    }
}
