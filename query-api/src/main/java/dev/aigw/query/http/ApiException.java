package dev.aigw.query.http;

import io.helidon.http.Status;

/** A request the API refuses, answered as {@code {"message", "detail"}} with the given status. */
final class ApiException extends RuntimeException {
    private final Status status;
    private final String detail;

    ApiException(Status status, String message, String detail) {
        super(message);
        this.status = status;
        this.detail = detail;
    }

    Status status() {
        return status;
    }

    String detail() {
        return detail;
    }
}
