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

    GatewayException(Status status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    Status status() {
        return status;
    }

    String type() {
        return type;
    }
}
