package dev.aigw.control;

/** Masked hints of secrets, the only form in which a secret may appear in events, logs, topics or listings. */
public final class Hints {
    private Hints() {
    }

    /** Reveals 4 characters at each end from 20 characters up, 2 from 10, 1 from 5, nothing below. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        int n = secret.length();
        int reveal = n >= 20 ? 4 : n >= 10 ? 2 : n >= 5 ? 1 : 0;
        if (reveal == 0) {
            return "...";
        }
        return secret.substring(0, reveal) + "..." + secret.substring(n - reveal);
    }
}
