package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The rows of several partitions in order, one read per partition, each read sent only when the walk may need it. A
 * page usually ends inside the first partition, so that is all that is read at first; each time the walk moves on to
 * the next partition it reads twice as far ahead (up to {@code MAX_AHEAD}), so a page spread over many small partitions
 * (a person's days) waits for a few round trips rather than one per partition.
 */
final class PartitionWalk {
    private static final int MAX_AHEAD = 16;

    private final CqlSession session;
    private final List<? extends Statement<?>> reads;
    private final List<CompletableFuture<AsyncResultSet>> sent = new ArrayList<>();
    private int ahead = 1;

    private PartitionWalk(CqlSession session, List<? extends Statement<?>> reads) {
        this.session = session;
        this.reads = reads;
    }

    /** Each partition's rows, as its own stream, in the order of {@code reads}. */
    static Stream<Stream<Row>> of(CqlSession session, List<? extends Statement<?>> reads) {
        PartitionWalk walk = new PartitionWalk(session, reads);
        return IntStream.range(0, reads.size()).mapToObj(walk::partition);
    }

    private Stream<Row> partition(int index) {
        while (sent.size() < Math.min(reads.size(), index + ahead)) {
            sent.add(session.executeAsync(reads.get(sent.size())).toCompletableFuture());
        }
        ahead = Math.min(ahead * 2, MAX_AHEAD);
        Iterable<Row> rows = () -> new Rows(sent.get(index).join());
        return StreamSupport.stream(rows.spliterator(), false);
    }

    /** The rows of one read, fetching its further pages as they are reached. */
    private static final class Rows implements Iterator<Row> {
        private AsyncResultSet page;
        private Iterator<Row> current;

        Rows(AsyncResultSet first) {
            page = first;
            current = first.currentPage().iterator();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && page.hasMorePages()) {
                page = page.fetchNextPage().toCompletableFuture().join();
                current = page.currentPage().iterator();
            }
            return current.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
