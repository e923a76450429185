package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Every page of an asynchronous read, followed without blocking: so many partitions can be read at once. */
final class AsyncRows {
    private AsyncRows() {
    }

    /** All rows, mapped. */
    static <T> CompletableFuture<List<T>> all(CompletionStage<AsyncResultSet> first, Function<Row, T> mapper) {
        List<T> into = new ArrayList<>();
        return sum(first, row -> {
            into.add(mapper.apply(row));
            return 0;
        }).thenApply(zero -> into);
    }

    /** The sum of {@code value} over all rows. */
    static CompletableFuture<Long> sum(CompletionStage<AsyncResultSet> first, ToLongFunction<Row> value) {
        return sum(first, value, 0).toCompletableFuture();
    }

    private static CompletionStage<Long> sum(CompletionStage<AsyncResultSet> stage, ToLongFunction<Row> value, long sum) {
        return stage.thenCompose(page -> {
            long total = sum;
            for (Row row : page.currentPage()) {
                total += value.applyAsLong(row);
            }
            return page.hasMorePages() ? sum(page.fetchNextPage(), value, total) : CompletableFuture.completedFuture(total);
        });
    }
}
