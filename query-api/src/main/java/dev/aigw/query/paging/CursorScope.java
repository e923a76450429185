package dev.aigw.query.paging;

/**
 * What a cursor is only good for: one view, one caller and one search. A cursor presented anywhere else is refused,
 * so it can never open another person's rows or another search's.
 *
 * @param view   the listing, e.g. {@code interceptions}
 * @param caller user id of the caller the cursor was issued to
 * @param search the canonical text of the search
 */
public record CursorScope(String view, String caller, String search) {
}
