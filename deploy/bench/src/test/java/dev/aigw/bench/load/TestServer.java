package dev.aigw.bench.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny keep-alive HTTP/1.1 server answering every request the same way. Raw sockets rather than a real server so that
 * tests choose exactly how answers are framed and split into writes.
 */
final class TestServer implements AutoCloseable {
    /** Writes the whole answer to one request, unbuffered; may close the socket. */
    interface Answer {
        void write(Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();

    private final ServerSocket server;
    private final Answer answer;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private TestServer(Answer answer) throws IOException {
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.answer = answer;
        threads.execute(this::accept);
    }

    static TestServer start(Answer answer) throws IOException {
        return new TestServer(answer);
    }

    /** An answer with a Content-Length body. */
    static Answer text(int status, String body, String... headerLines) {
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        byte[] bytes = head.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body)
                .toString().getBytes(StandardCharsets.ISO_8859_1);
        return (socket, out) -> out.write(bytes);
    }

    /** A chunked SSE answer; each event's closing blank line goes in a chunk (and write) of its own. */
    static Answer events(int count, long gapMillis) {
        return (socket, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n");
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    Thread.sleep(gapMillis);
                }
                write(out, chunk("data: {\"n\":" + i + "}\n"));
                write(out, chunk("\n"));
            }
            write(out, "0\r\n\r\n");
        };
    }

    static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    Call call(boolean streaming) {
        return new Call("127.0.0.1", server.getLocalPort(), "POST", "/v1/test", Map.of("Content-Type", "text/plain"),
                "hello".getBytes(StandardCharsets.US_ASCII), streaming);
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TestServer::closeQuietly);
        threads.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        connections.incrementAndGet();
        open.incrementAndGet();
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!socket.isClosed() && readRequest(in)) {
                requests.incrementAndGet();
                answer.write(socket, out);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            sockets.remove(socket);
            open.decrementAndGet();
        }
    }

    /** Reads one request; false when the client closed the connection instead. */
    private static boolean readRequest(InputStream in) throws IOException {
        String line = line(in);
        if (line == null) {
            return false;
        }
        int length = 0;
        for (line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return true;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
