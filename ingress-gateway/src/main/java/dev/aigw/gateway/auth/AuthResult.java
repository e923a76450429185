package dev.aigw.gateway.auth;

/** The outcome of authenticating a request's gateway credential. */
public sealed interface AuthResult {
    /** The credential is valid and stands for this identity. */
    record Accepted(Identity identity) implements AuthResult {
    }

    /** The credential is refused; {@code reason} (invalid, revoked, expired) may be shown to the caller. */
    record Refused(String reason) implements AuthResult {
    }
}
