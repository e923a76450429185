package dev.aigw.query.paging;

/** Paging parameters the API refuses; the message says which and why, never what a cursor held. */
public final class PagingException extends RuntimeException {
    PagingException(String message) {
        super(message);
    }
}
