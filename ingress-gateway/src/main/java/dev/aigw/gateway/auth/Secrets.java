package dev.aigw.gateway.auth;

import dev.aigw.control.Hints;

/** Masked hints of secrets, the only form in which a secret may appear in events or logs. */
public final class Secrets {
    private Secrets() {
    }

    /** Reveals 4 characters at each end from 20 characters up, 2 from 10, 1 from 5, nothing below. */
    public static String mask(String secret) {
        return Hints.mask(secret);
    }
}
