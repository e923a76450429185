package dev.aigw.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One keep-alive HTTP/1.1 connection sending one {@link Call} over and over, reconnecting after a failure.
 *
 * <p>Hand-written rather than the JDK's HttpClient because the harness measures differences of microseconds on a core
 * it shares with the mock: HttpClient passes every exchange between its selector thread and the caller and allocates a
 * good deal per request, which costs that core CPU and adds jitter to the very latency being measured. Here the
 * request is encoded once and sent with one write, and the answer is parsed in the calling thread from a buffer that
 * timestamps each read. No pooling, redirects, retries, TLS or HTTP/2.
 */
public final class HttpConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final Duration EXCHANGE_TIMEOUT = Duration.ofSeconds(30);

    private final InetSocketAddress address;
    private final byte[] request;
    private final boolean bodiless;
    private final int readTimeoutMs;
    private Socket socket;
    private boolean closed;
    private Input in;
    private OutputStream out;

    /** A connection (not yet opened) whose reads wait without limit, for load: a run aborts hung connections. */
    HttpConnection(Call call) {
        this(call, Duration.ZERO);
    }

    private HttpConnection(Call call, Duration readTimeout) {
        this.address = new InetSocketAddress(call.host(), call.port());
        this.request = encode(call);
        this.bodiless = call.method().equalsIgnoreCase("HEAD");
        this.readTimeoutMs = (int) readTimeout.toMillis();
    }

    /** Sends the call once on a new connection and reads the whole answer, each read waiting at most 30 s. */
    public static Exchange exchange(Call call) throws IOException {
        try (HttpConnection connection = new HttpConnection(call, EXCHANGE_TIMEOUT)) {
            return connection.exchange();
        }
    }

    /** Sends the call and keeps the whole answer. */
    Exchange exchange() throws IOException {
        Collector collector = new Collector();
        int status = send(collector);
        return new Exchange(status, Collections.unmodifiableMap(collector.headers), collector.body.toByteArray(),
                collector.endedAt);
    }

    /**
     * Sends the call, connecting first if need be, and reads the answer into the receiver.
     *
     * @return the answer's status
     * @throws IOException on a connection error or an answer cut short or malformed; the connection is then dropped and
     *                     the next send reconnects
     */
    int send(Receiver receiver) throws IOException {
        try {
            if (in == null) {
                connect();
            }
            out.write(request);
            return read(receiver);
        } catch (IOException | RuntimeException e) {
            drop();
            throw e;
        }
    }

    /** Closes the connection for good, from any thread: a send blocked on it fails and none reconnects. */
    @Override
    public void close() {
        Socket open;
        synchronized (this) {
            closed = true;
            open = socket;
        }
        closeQuietly(open);
    }

    private void connect() throws IOException {
        Socket fresh = new Socket();
        synchronized (this) {
            if (closed) {
                throw new SocketException("connection closed");
            }
            socket = fresh;
        }
        fresh.setTcpNoDelay(true);
        fresh.setSoTimeout(readTimeoutMs);
        fresh.connect(address, CONNECT_TIMEOUT_MS);
        in = new Input(fresh.getInputStream());
        out = fresh.getOutputStream();
    }

    private int read(Receiver receiver) throws IOException {
        String statusLine = in.line();
        int status = status(statusLine);
        boolean keepAlive = !statusLine.startsWith("HTTP/1.0");
        long length = -1;
        boolean chunked = false;
        for (String line = in.line(); !line.isEmpty(); line = in.line()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + line);
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            receiver.header(name, value);
            if (name.equalsIgnoreCase("Content-Length")) {
                length = number(value, 10);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                String tokens = value.toLowerCase(Locale.ROOT);
                keepAlive = !tokens.contains("close") && (keepAlive || tokens.contains("keep-alive"));
            }
        }
        if (bodiless || status < 200 || status == 204 || status == 304) {
            receiver.end(in.readAt());
        } else if (chunked) {
            chunks(receiver);
        } else if (length >= 0) {
            in.body(length, receiver);
            receiver.end(in.readAt());
        } else {
            in.bodyToEnd(receiver);
            receiver.end(in.readAt());
            keepAlive = false;
        }
        if (!keepAlive) {
            drop();
        }
        return status;
    }

    private void chunks(Receiver receiver) throws IOException {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
            in.body(size, receiver);
            if (!in.line().isEmpty()) {
                throw new IOException("chunk longer than its size");
            }
        }
        long lastChunkAt = in.readAt();
        while (!in.line().isEmpty()) {
            // trailers: nothing here wants them
        }
        receiver.end(lastChunkAt);
    }

    private long chunkSize() throws IOException {
        String line = in.line();
        int extension = line.indexOf(';');
        return number((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void drop() {
        Socket open;
        synchronized (this) {
            open = socket;
            socket = null;
        }
        closeQuietly(open);
        in = null;
        out = null;
    }

    private static int status(String line) throws IOException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new IOException("bad status line: " + line);
        }
        return (int) number(line.substring(9, 12), 10);
    }

    private static long number(String text, int radix) throws IOException {
        try {
            long n = Long.parseLong(text, radix);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad number in answer: " + text, e);
        }
    }

    private static byte[] encode(Call call) {
        String host = call.host().contains(":") ? "[" + call.host() + "]" : call.host();
        StringBuilder head = new StringBuilder(256).append(call.method()).append(' ').append(call.path())
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(call.port()).append("\r\n");
        boolean expectsNoBody = call.method().equalsIgnoreCase("GET") || call.method().equalsIgnoreCase("HEAD");
        if (call.body().length > 0 || !expectsNoBody) {
            head.append("Content-Length: ").append(call.body().length).append("\r\n");
        }
        call.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] start = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[start.length + call.body().length];
        System.arraycopy(start, 0, request, 0, start.length);
        System.arraycopy(call.body(), 0, request, start.length, call.body().length);
        return request;
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // already broken: closing was only to free it
        }
    }

    /** Keeps an answer's headers and body for {@link #exchange()}. */
    private static final class Collector implements Receiver {
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        long endedAt;

        @Override
        public void header(String name, String value) {
            headers.merge(name, value, (first, next) -> first + ", " + next);
        }

        @Override
        public void bytes(byte[] buf, int offset, int length, long arrivedAt) {
            body.write(buf, offset, length);
        }

        @Override
        public void end(long arrivedAt) {
            endedAt = arrivedAt;
        }
    }
}
