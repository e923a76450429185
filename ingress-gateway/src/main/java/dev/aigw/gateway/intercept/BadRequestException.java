package dev.aigw.gateway.intercept;

/** A client request the gateway will not forward; the message is safe to show to the client. */
public final class BadRequestException extends RuntimeException {
    /** Creates the exception with a client-facing message. */
    public BadRequestException(String message) {
        super(message);
    }
}
