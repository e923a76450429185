package dev.aigw.query.paging;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One page of a listing and whether more rows follow it.
 *
 * @param items the rows of the page
 * @param more  whether the listing goes on after the last of them
 */
public record Page<T>(List<T> items, boolean more) {
    /** The page {@code request} asks for out of {@code rows}; reads at most one row past it. */
    public static <T> Page<T> of(Stream<T> rows, PageRequest request) {
        List<T> read = rows.skip(request.offset()).limit(request.limit() + 1L).toList();
        return new Page<>(read.subList(0, Math.min(read.size(), request.limit())), read.size() > request.limit());
    }

    /** The row the next page resumes after, if there is a next page. */
    public Optional<T> resumeAfter() {
        return more ? Optional.of(items.getLast()) : Optional.empty();
    }
}
