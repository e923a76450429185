package dev.aigw.query.search;

/** A {@code q} the API cannot read; the message names the term at fault. */
public final class SearchException extends RuntimeException {
    SearchException(String message) {
        super(message);
    }
}
