package dev.aigw.schemas.registry;

import java.util.OptionalInt;

/** A schema registry call failed for good: after retries, or with a non-transient answer. */
public final class SchemaRegistryException extends RuntimeException {
    private final int httpStatus;
    private final int errorCode;

    SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the last answer, empty when the registry could not be reached. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The registry's {@code error_code} (e.g. 40403 schema not found), empty when the answer carried none. */
    public OptionalInt errorCode() {
        return errorCode < 0 ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }
}
