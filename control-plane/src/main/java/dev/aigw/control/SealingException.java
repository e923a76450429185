package dev.aigw.control;

/** A secret cannot be sealed or opened, typically because the master key is missing, malformed or not the right one. */
public final class SealingException extends RuntimeException {
    /** Creates the exception; the message never contains secret material. */
    public SealingException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public SealingException(String message, Throwable cause) {
        super(message, cause);
    }
}
