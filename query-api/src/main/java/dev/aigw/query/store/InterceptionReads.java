package dev.aigw.query.store;

import dev.aigw.query.search.SearchFilter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Interception summaries: a search's, newest first, and one person's session's. */
public interface InterceptionReads {
    /**
     * The interceptions matching {@code filter} (initiator resolved to a user id), newest first, after {@code after}
     * if given; {@code fetch} rows are read at a time.
     */
    Stream<InterceptionRow> rows(SearchFilter filter, Optional<InterceptionLists.After> after, int fetch);

    /** Every interception of one person's session, oldest first. */
    List<InterceptionRow> ofSession(String sessionId, String initiatorId);
}
