package dev.aigw.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** Loopback port checks. */
public final class Ports {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Below the ports the dev stack uses by default (8080..9093) and above the usual well-known services. */
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 500;

    private Ports() {
    }

    /** A port that was free on loopback a moment ago; see {@link #freeBlock}. */
    public static int freePort() {
        return freeBlock(1);
    }

    /**
     * The first of {@code count} consecutive ports that were free on loopback a moment ago, chosen below the kernel's
     * ephemeral range. A port the kernel hands out for {@code bind(0)} lies inside that range, where every outgoing
     * connection on the machine also takes its local port: between choosing such a port and a child process binding
     * it, a client connecting to a broker can take it (a cluster test failed that way). Below the range only another
     * listener can.
     */
    public static int freeBlock(int count) {
        int top = ephemeralStart() - count;
        if (top <= LOWEST) {
            return kernelChosen(count);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOWEST, top);
            if (IntStream.range(base, base + count).allMatch(Ports::canBind)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free loopback ports from " + LOWEST + " to " + top);
    }

    /** Only when the ephemeral range leaves no room below it: single ports from the kernel, racy as described. */
    private static int kernelChosen(int count) {
        if (count != 1) {
            throw new IllegalStateException("the ephemeral port range leaves no room for " + count + " consecutive ports");
        }
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ephemeralStart() {
        try {
            // Not readString: it reads as many bytes as the file's reported size, and a /proc file's may be short.
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).strip();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default, and the start of IANA's dynamic range is higher still
        }
    }

    /** Fails with a message naming the port and the part that wanted it when something already listens there. */
    public static void requireFree(int port, String part) {
        if (isListening(port) || !canBind(port)) {
            throw new IllegalStateException("port " + port + " (" + part + ") is already in use: stop whatever holds it"
                    + " (ss -ltnp 'sport = :" + port + "') or choose another port");
        }
    }

    /** Whether something accepts TCP connections on loopback at {@code port}. */
    public static boolean isListening(int port) {
        return isListening(LOOPBACK.getHostAddress(), port);
    }

    /** Whether something accepts TCP connections at {@code address}:{@code port}. */
    public static boolean isListening(String address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
