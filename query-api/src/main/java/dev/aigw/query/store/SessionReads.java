package dev.aigw.query.store;

import dev.aigw.query.search.SearchFilter;
import java.util.Optional;
import java.util.stream.Stream;

/** Sessions: a search's, newest first, its count, and one by id. */
public interface SessionReads {
    /** How many sessions match {@code filter}. */
    long count(SearchFilter filter);

    /** The rows of one session, one per person in it (normally one). */
    Stream<SessionRow> byId(String sessionId);

    /** The sessions matching {@code filter}, newest first, after {@code after} if given; {@code fetch} at a time. */
    Stream<SessionRow> rows(SearchFilter filter, Optional<SessionLists.After> after, int fetch);
}
