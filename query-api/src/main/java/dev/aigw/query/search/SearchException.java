package dev.aigw.query.search;

/** A {@code q} the API cannot read; the message names the term at fault. */
public final class SearchException extends RuntimeException {
    /** A refusal whose message names the term at fault. */
    public SearchException(String message) {
        super(message);
    }
}
