package dev.aigw.control;

import dev.aigw.control.v1.KeyIssued;

/** The outcome of checking a presented gateway key. */
public sealed interface KeyVerdict {
    /** The key is known, its secret matches, and it is neither revoked nor expired. */
    record Valid(String keyId, KeyIssued key) implements KeyVerdict {
    }

    /** The key is refused; {@code reason} is safe to show to the caller and never contains the key. */
    record Refused(String reason) implements KeyVerdict {
    }
}
