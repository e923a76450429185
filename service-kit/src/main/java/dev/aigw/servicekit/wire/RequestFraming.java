package dev.aigw.servicekit.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows the requests of one HTTP/1.1 connection byte by byte, as the client sends them, and hands on exactly what
 * Helidon's parser reads, with these changes:
 * <ul>
 *     <li>a chunk-size line loses its chunk extensions ({@code 5;name=value} becomes {@code 5}), and the trailer
 *     fields after the last chunk are dropped: both are valid HTTP/1.1 (RFC 9112 §7.1.1, §7.1.2) that Helidon 4.5
 *     refuses, and a recipient may ignore both; a chunk whose data is not followed by CRLF, which Helidon would read
 *     past without looking, is made unreadable to it, so the body is refused;</li>
 *     <li>a request line is judged here, since Helidon closes a connection whose first line it cannot place without
 *     a word: one that is not {@code METHOD target HTTP/x.y} with CRLF gets a 400; a method that is not upper case
 *     ({@code get}) a 400, since methods are case-sensitive (RFC 9110 §9.1) and Helidon would serve it as
 *     {@code GET}; a method RFC 9110 does not define a 501; any version but HTTP/1.1 a 505 with the reason; a line
 *     over the limit a 414.</li>
 * </ul>
 *
 * <p>Nothing else is changed or judged: what this class does not understand after a request line it hands on
 * untouched and stops following the connection ({@link State#UNTOUCHED}), so Helidon's own parser gives its answer.
 * It rewrites bytes only inside a body it knows to be chunked the way Helidon does (one
 * {@code Transfer-Encoding: chunked}, no {@code Content-Length}), so it cannot frame a request differently from
 * Helidon and smuggle one inside another.
 *
 * <p>Pure and single-threaded: {@link #feed} takes what the socket gave and returns what to hand on.
 */
final class RequestFraming {
    /** Longest line, and trailer section, followed; a longer one is Helidon's to refuse (its own limits are lower). */
    static final int MAX_LINE = 64 * 1024;

    private static final Pattern REQUEST_LINE = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\\S+) (HTTP/\\d\\.\\d)");
    /** The methods of RFC 9110 and PATCH; any other is answered 501, as RFC 9110 §9.1 asks of an unknown method. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE",
            "PATCH");
    private static final Pattern CHUNK_SIZE = Pattern.compile("([0-9A-Fa-f]{1,15})[ \\t]*(;[^\\x00-\\x08\\x0a-\\x1f\\x7f]*)?");
    private static final byte[] CRLF = {'\r', '\n'};
    /** A chunk-size line Helidon cannot parse, handed to it in place of a chunk's missing CRLF. */
    private static final byte[] UNREADABLE_CHUNK_SIZE = "chunk-data-without-crlf\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final int maxRequestLine;
    private State state = State.REQUEST_LINE;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<String> transferEncodings = new ArrayList<>();
    private int contentLengths;
    private long contentLength;
    private boolean upgrade;
    private long remaining;
    private boolean rewrote;
    private int trailerBytes;

    /** Where the connection's byte stream is. */
    enum State { REQUEST_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTOUCHED }

    /** A request this class answers itself instead of handing it on: its status, reason and request target. */
    record Refusal(int status, String message, String target) {
    }

    /**
     * What to hand on for {@code input}: the bytes Helidon should read next ({@code input} itself when nothing
     * changed), and a refusal when the stream reached a request that must be answered here; the connection ends
     * after it.
     */
    record Fed(byte[] bytes, Refusal refusal) {
    }

    /** Framing that answers a request line over {@code maxRequestLine} bytes (without its CRLF) with 414. */
    RequestFraming(int maxRequestLine) {
        this.maxRequestLine = maxRequestLine;
    }

    State state() {
        return state;
    }

    Fed feed(byte[] input) {
        if (state == State.UNTOUCHED) {
            return new Fed(input, null);
        }
        // A read that lies wholly inside a body goes on as it came, without the copy below: bodies are most bytes.
        if ((state == State.BODY || state == State.CHUNK_DATA) && remaining > input.length) {
            remaining -= input.length;
            return new Fed(input, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
        boolean heldBefore = line.size() > 0;
        rewrote = false;
        int i = 0;
        while (i < input.length) {
            switch (state) {
                case UNTOUCHED -> {
                    out.write(input, i, input.length - i);
                    i = input.length;
                }
                case CHUNK_END -> {
                    byte expected = CRLF[CRLF.length - (int) remaining];
                    if (input[i] != expected) {
                        // Helidon skips these two bytes unread, so "abcXY4" after a 3-byte chunk would pass as a
                        // chunk of 4; a front proxy may frame it otherwise. Helidon is made to refuse the body instead.
                        out.writeBytes(CRLF);
                        out.writeBytes(UNREADABLE_CHUNK_SIZE);
                        out.write(input, i, input.length - i);
                        i = input.length;
                        rewrote = true;
                        state = State.UNTOUCHED;
                    } else {
                        i++;
                        out.write(expected);
                        if (--remaining == 0) {
                            afterCounted();
                        }
                    }
                }
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, input.length - i);
                    out.write(input, i, n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        afterCounted();
                    }
                }
                default -> {
                    int lf = indexOf(input, (byte) '\n', i);
                    int end = lf < 0 ? input.length : lf + 1;
                    line.write(input, i, end - i);
                    i = end;
                    if (state == State.REQUEST_LINE && line.size() > maxRequestLine + 2) {
                        String partial = line.toString(StandardCharsets.ISO_8859_1);
                        return new Fed(out.toByteArray(), new Refusal(414, "request line exceeds the limit of "
                                + maxRequestLine + " bytes", target(partial.substring(0, Math.min(partial.length(), maxRequestLine)))));
                    }
                    if (lf < 0 && line.size() > MAX_LINE) {
                        untouched(out);
                    } else if (lf >= 0) {
                        byte[] whole = line.toByteArray();
                        line.reset();
                        Refusal refusal = atLine(whole, out);
                        if (refusal != null) {
                            return new Fed(out.toByteArray(), refusal);
                        }
                    }
                }
            }
        }
        // A partial line is held back until it is whole. When every byte went on as it came, the input itself goes
        // on: the common case (a body, headers in one read) costs no copy.
        return new Fed(!rewrote && !heldBefore && line.size() == 0 ? input : out.toByteArray(), null);
    }

    /** The target of a request line that did not parse, as far as it can be told: the word after the first space. */
    private static String target(String requestLine) {
        int space = requestLine.indexOf(' ');
        return space < 0 ? "" : requestLine.substring(space + 1).split(" ", 2)[0];
    }

    private void afterCounted() {
        switch (state) {
            case CHUNK_DATA -> {
                state = State.CHUNK_END;
                remaining = CRLF.length;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            default -> state = State.REQUEST_LINE;
        }
    }

    /** Handles one whole line (with its LF) in a line state; writes what to hand on, or returns a refusal. */
    private Refusal atLine(byte[] whole, ByteArrayOutputStream out) {
        boolean bareLf = whole.length < 2 || whole[whole.length - 2] != '\r';
        if (bareLf && state == State.REQUEST_LINE) {
            return new Refusal(400, "malformed HTTP request: lines must end with CRLF",
                    target(new String(whole, StandardCharsets.ISO_8859_1).strip()));
        }
        if (bareLf) {
            // A bare LF: Helidon's to judge, and no longer ours to follow.
            writeAsIs(whole, out);
            state = State.UNTOUCHED;
            return null;
        }
        String text = new String(whole, 0, whole.length - 2, StandardCharsets.ISO_8859_1);
        switch (state) {
            case REQUEST_LINE -> {
                return atRequestLine(text, whole, out);
            }
            case HEADERS -> atHeader(text, whole, out);
            case CHUNK_SIZE -> atChunkSize(text, whole, out);
            case TRAILERS -> {
                if (text.isEmpty()) {
                    writeAsIs(whole, out);
                    state = State.REQUEST_LINE;
                } else if ((trailerBytes += whole.length) > MAX_LINE) {
                    writeAsIs(whole, out);
                    state = State.UNTOUCHED;
                } else {
                    // A trailer field is dropped: Helidon refuses any.
                    rewrote = true;
                }
            }
            default -> throw new IllegalStateException("not a line state: " + state);
        }
        return null;
    }

    private Refusal atRequestLine(String text, byte[] whole, ByteArrayOutputStream out) {
        if (text.isEmpty()) {
            writeAsIs(whole, out);
            return null;
        }
        Matcher m = REQUEST_LINE.matcher(text);
        if (!m.matches()) {
            return new Refusal(400, "malformed HTTP request line: expected <METHOD> <target> HTTP/1.1", target(text));
        }
        String method = m.group(1);
        String target = m.group(2);
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            return new Refusal(400, "method names are case-sensitive: '" + method + "' is not a method; did you mean "
                    + method.toUpperCase(Locale.ROOT) + "?", target);
        }
        if (!METHODS.contains(method)) {
            return new Refusal(501, "method not implemented: " + method, target);
        }
        if (!m.group(3).equals("HTTP/1.1")) {
            return new Refusal(505, m.group(3) + " is not supported: send HTTP/1.1 (streamed answers need its chunked"
                    + " transfer coding)", target);
        }
        writeAsIs(whole, out);
        transferEncodings.clear();
        contentLengths = 0;
        upgrade = false;
        state = State.HEADERS;
        return null;
    }

    private void atHeader(String text, byte[] whole, ByteArrayOutputStream out) {
        writeAsIs(whole, out);
        if (text.isEmpty()) {
            state = bodyState();
            return;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            // No name, or a folded line: Helidon refuses it, so the framing of this request is Helidon's alone.
            state = State.UNTOUCHED;
            return;
        }
        String name = text.substring(0, colon);
        String value = text.substring(colon + 1).strip();
        if (name.equalsIgnoreCase("Transfer-Encoding")) {
            for (String coding : value.split(",", -1)) {
                transferEncodings.add(coding.strip().toLowerCase(Locale.ROOT));
            }
        } else if (name.equalsIgnoreCase("Content-Length")) {
            contentLengths++;
            contentLength = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
        } else if (name.equalsIgnoreCase("Upgrade")) {
            upgrade = true;
        }
    }

    /** The state after a header section: a body framed the one way Helidon frames it too, or Helidon's alone. */
    private State bodyState() {
        if (upgrade) {
            return State.UNTOUCHED;
        }
        if (!transferEncodings.isEmpty()) {
            return transferEncodings.equals(List.of("chunked")) && contentLengths == 0 ? State.CHUNK_SIZE : State.UNTOUCHED;
        }
        if (contentLengths == 0) {
            return State.REQUEST_LINE;
        }
        if (contentLengths > 1 || contentLength < 0) {
            return State.UNTOUCHED;
        }
        remaining = contentLength;
        return contentLength == 0 ? State.REQUEST_LINE : State.BODY;
    }

    private void atChunkSize(String text, byte[] whole, ByteArrayOutputStream out) {
        Matcher m = CHUNK_SIZE.matcher(text);
        if (!m.matches()) {
            writeAsIs(whole, out);
            state = State.UNTOUCHED;
            return;
        }
        long size = Long.parseLong(m.group(1), 16);
        if (m.group(2) == null && text.length() == m.group(1).length()) {
            writeAsIs(whole, out);
        } else {
            out.writeBytes(m.group(1).getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(CRLF);
            rewrote = true;
        }
        if (size == 0) {
            trailerBytes = 0;
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
    }

    private static void writeAsIs(byte[] whole, ByteArrayOutputStream out) {
        out.writeBytes(whole);
    }

    private void untouched(ByteArrayOutputStream out) {
        out.writeBytes(line.toByteArray());
        line.reset();
        state = State.UNTOUCHED;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
