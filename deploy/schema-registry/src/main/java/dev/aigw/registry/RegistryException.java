package dev.aigw.registry;

import java.util.List;

/** A request the registry refuses, with the HTTP status and Confluent {@code error_code} it answers with. */
final class RegistryException extends RuntimeException {
    private final int status;
    private final int errorCode;

    private RegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    int status() {
        return status;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, 40401, "Subject '" + subject + "' not found.", null);
    }

    static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(404, 40402, "Version " + version + " of subject '" + subject + "' not found.", null);
    }

    static RegistryException schemaNotFound(String subject) {
        return new RegistryException(404, 40403, "Schema not found in subject '" + subject + "'.", null);
    }

    static RegistryException schemaIdNotFound(int id) {
        return new RegistryException(404, 40403, "Schema " + id + " not found", null);
    }

    static RegistryException subjectConfigNotFound(String subject) {
        return new RegistryException(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured", null);
    }

    static RegistryException incompatible(String subject, List<String> details) {
        return new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + details, null);
    }

    static RegistryException invalidSchema(String detail) {
        return new RegistryException(422, 42201, "Invalid schema: " + detail, null);
    }

    static RegistryException invalidVersion(String version) {
        return new RegistryException(422, 42202, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"", null);
    }

    static RegistryException invalidCompatibility(String level) {
        return new RegistryException(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are "
                + List.of(Compatibility.values()), null);
    }

    static RegistryException badRequest(String detail) {
        return new RegistryException(400, 400, detail, null);
    }

    static RegistryException unsupportedMediaType(String mediaType) {
        return new RegistryException(415, 415, "Unsupported Content-Type " + mediaType, null);
    }

    static RegistryException storeError(String detail, Throwable cause) {
        return new RegistryException(500, 50001, "Error in the backend data store: " + detail, cause);
    }

    static RegistryException timeout(String detail) {
        return new RegistryException(500, 50002, "Operation timed out: " + detail, null);
    }
}
