package dev.aigw.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port checks. */
public final class Ports {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {
    }

    /** A port that was free on loopback a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
