package dev.aigw.bench.load;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffer over a socket's input that remembers when each read returned, so a byte's arrival time is the time of the
 * read that brought it rather than the time our parser got to it.
 */
final class Input {
    private static final int MAX_LINE = 16 * 1024;

    private final InputStream in;
    private final byte[] buf = new byte[8 * 1024];
    private int pos;
    private int limit;
    private long readAt;

    Input(InputStream in) {
        this.in = in;
    }

    /** Reads one line ending in LF, without its CR LF, as ISO-8859-1. */
    String line() throws IOException {
        StringBuilder longLine = null;
        while (true) {
            if (pos == limit) {
                fillOrFail();
            }
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String tail = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return longLine == null ? tail : stripCr(longLine.append(tail));
                }
            }
            longLine = longLine == null ? new StringBuilder() : longLine;
            longLine.append(new String(buf, pos, limit - pos, StandardCharsets.ISO_8859_1));
            pos = limit;
            if (longLine.length() > MAX_LINE) {
                throw new IOException("line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    /** Hands the next {@code length} bytes to the receiver; fails if the stream ends first. */
    void body(long length, Receiver receiver) throws IOException {
        while (length > 0) {
            if (pos == limit) {
                fillOrFail();
            }
            int n = (int) Math.min(length, limit - pos);
            receiver.bytes(buf, pos, n, readAt);
            pos += n;
            length -= n;
        }
    }

    /** Hands every byte up to the end of the stream to the receiver. */
    void bodyToEnd(Receiver receiver) throws IOException {
        while (pos < limit || fill()) {
            receiver.bytes(buf, pos, limit - pos, readAt);
            pos = limit;
        }
    }

    /** {@link System#nanoTime()} when the last read returned. */
    long readAt() {
        return readAt;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        readAt = System.nanoTime();
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private void fillOrFail() throws IOException {
        if (!fill()) {
            throw new EOFException("connection closed mid-answer");
        }
    }

    private static String stripCr(StringBuilder line) {
        int end = line.length() - 1;
        return end >= 0 && line.charAt(end) == '\r' ? line.substring(0, end) : line.toString();
    }
}
