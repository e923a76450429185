package dev.aigw.gateway.proxy;

import io.helidon.http.Status;

/**
 * A request the gateway answers itself, with an error in the provider's shape.
 *
 * @see ErrorResponses
 */
final class GatewayException extends RuntimeException {
    private final Status status;
    private final String type;
    private final long retryAfterSeconds;

    GatewayException(Status status, String type, String message) {
        this(status, type, message, 0);
    }

    /** An answer that tells the client when to try again ({@code Retry-After}, when above zero). */
    GatewayException(Status status, String type, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    Status status() {
        return status;
    }

    String type() {
        return type;
    }
}
