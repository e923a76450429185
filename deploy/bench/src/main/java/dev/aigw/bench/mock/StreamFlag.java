package dev.aigw.bench.mock;

import java.nio.charset.StandardCharsets;

/**
 * Finds {@code "stream": true} in a request body by scanning its bytes: the mock reads every body, and building a
 * tree for each would cost the CPU it shares with the load generator.
 */
final class StreamFlag {
    private static final byte[] KEY = "\"stream\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

    private StreamFlag() {
    }

    /**
     * Whether a {@code "stream"} key anywhere in the body has the value {@code true}. A quote inside a JSON string is
     * escaped, so the key cannot be mistaken for message text; {@code "stream_options"} does not match either.
     */
    static boolean requested(byte[] body) {
        for (int at = indexOf(body, KEY, 0); at >= 0; at = indexOf(body, KEY, at + KEY.length)) {
            int colon = skipSpace(body, at + KEY.length);
            if (colon < body.length && body[colon] == ':' && startsWith(body, skipSpace(body, colon + 1), TRUE)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] body, byte[] part, int from) {
        for (int i = from; i <= body.length - part.length; i++) {
            if (startsWith(body, i, part)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, int at, byte[] part) {
        if (at + part.length > body.length) {
            return false;
        }
        for (int i = 0; i < part.length; i++) {
            if (body[at + i] != part[i]) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(byte[] body, int from) {
        int i = from;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r')) {
            i++;
        }
        return i;
    }
}
