package dev.aigw.bench.load;

/**
 * Finds where SSE events end (a blank line: {@code \n\n} or {@code \r\n\r\n}) in a body fed in arbitrary pieces, so an
 * event split over chunks or reads is still seen once, when its last byte arrives.
 */
final class SseEvents {
    private boolean atLineStart = true;
    private boolean inEvent;

    /** Forgets a previous body. */
    void reset() {
        atLineStart = true;
        inEvent = false;
    }

    /** How many events end within these bytes. */
    int scan(byte[] buf, int offset, int length) {
        int ended = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = buf[i];
            if (b == '\n') {
                if (atLineStart && inEvent) {
                    ended++;
                    inEvent = false;
                }
                atLineStart = true;
            } else if (b != '\r') {
                atLineStart = false;
                inEvent = true;
            }
        }
        return ended;
    }
}
