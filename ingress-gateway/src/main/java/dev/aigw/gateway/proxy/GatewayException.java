package dev.aigw.gateway.proxy;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/**
 * A request the gateway answers itself, with an error in the provider's shape.
 *
 * @see ErrorResponses
 */
final class GatewayException extends RuntimeException {
    private final Status status;
    private final String type;
    private final long retryAfterSeconds;
    private final boolean closesConnection;

    GatewayException(Status status, String type, String message) {
        this(status, type, message, 0);
    }

    /** An answer that tells the client when to try again ({@code Retry-After}, when above zero). */
    GatewayException(Status status, String type, String message, long retryAfterSeconds) {
        this(status, type, message, retryAfterSeconds, false);
    }

    private GatewayException(Status status, String type, String message, long retryAfterSeconds, boolean closesConnection) {
        super(message);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
        this.closesConnection = closesConnection;
    }

    /** A 400 after which the connection is closed: the rest of what the client sent cannot be told apart from a request. */
    static GatewayException closing(String message) {
        return new GatewayException(Status.BAD_REQUEST_400, "invalid_request_error", message, 0, true);
    }

    /** A 404 for a route the addressed provider does not serve. */
    static GatewayException unsupported(ServerRequest req) {
        return new GatewayException(Status.NOT_FOUND_404, "not_found_error", ErrorResponses.unsupported(req));
    }

    boolean closesConnection() {
        return closesConnection;
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
