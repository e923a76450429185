package dev.aigw.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Raw bytes over a socket, for requests no HTTP client would send: broken framing, odd request lines, bad header
 * syntax. Reads one answer: by its Content-Length, its chunks, or to the end of the connection.
 */
final class Wire {
    private static final int TIMEOUT_MILLIS = 30_000;

    private Wire() {
    }

    /**
     * Writes {@code request} to the local {@code port}; with {@code halfClose} the client then closes its sending side,
     * as one that sent a short body and gave up. A write the server cut short (it may answer before reading a body it
     * refuses) still reads the answer.
     */
    static Answer exchange(int port, byte[] request, boolean halfClose, boolean head) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedMidway) {
                // The server stopped reading; what it answered is still in our receive buffer.
            }
            return read(socket.getInputStream(), head);
        } catch (IOException e) {
            return Answer.none();
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            Answer complete = parse(received.toByteArray(), head, false);
            if (complete != null) {
                return complete;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                n = -1;
            }
            if (n < 0) {
                Answer partial = parse(received.toByteArray(), head, true);
                return partial == null ? Answer.none() : partial;
            }
            received.write(buffer, 0, n);
        }
    }

    /** The answer in {@code bytes} if it is complete (or {@code ended}: the connection closed), else null. */
    static Answer parse(byte[] bytes, boolean head, boolean ended) {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return null;
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return ended ? new Answer(-1, List.of(), bytes) : null;
        }
        int bodyStart = end + 4;
        if (status == 100) {
            return parse(Arrays.copyOfRange(bytes, bodyStart, bytes.length), head, ended);
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(new String[] {lines[i].substring(0, Math.max(colon, 0)).strip(), lines[i].substring(colon + 1).strip()});
        }
        Answer headOnly = new Answer(status, headers, new byte[0]);
        if (head || status == 204 || status == 304) {
            return headOnly;
        }
        byte[] rest = Arrays.copyOfRange(bytes, bodyStart, bytes.length);
        String length = headOnly.header("Content-Length").orElse(null);
        if (length != null) {
            int declared = Integer.parseInt(length.strip());
            return rest.length >= declared ? new Answer(status, headers, Arrays.copyOf(rest, declared))
                    : ended ? new Answer(status, headers, rest) : null;
        }
        if (headOnly.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            byte[] body = dechunk(rest);
            return body != null ? new Answer(status, headers, body) : ended ? new Answer(status, headers, rest) : null;
        }
        return ended ? new Answer(status, headers, rest) : null;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            if (lineEnd < 0) {
                return null;
            }
            String sizeField = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = Integer.parseInt(sizeField, 16);
            if (size == 0) {
                return body.toByteArray();
            }
            if (lineEnd + 2 + size + 2 > chunked.length) {
                return null;
            }
            body.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
