package dev.aigw.engines;

/** A part did not start; the message says which and ends with the tail of its log. */
public final class StartupException extends RuntimeException {
    /** Creates the exception with a message that names the part. */
    public StartupException(String message) {
        super(message);
    }
}
