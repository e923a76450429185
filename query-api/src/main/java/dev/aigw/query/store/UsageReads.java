package dev.aigw.query.store;

import dev.aigw.query.search.SearchFilter;
import java.util.stream.Stream;

/** Usage and interception counts of a search. */
public interface UsageReads {
    /** Usage rows of the interceptions matching {@code filter} (initiator resolved to a user id). */
    Stream<UsageRow> rows(SearchFilter filter);

    /** How many interceptions match {@code filter}. */
    long interceptions(SearchFilter filter);
}
