package dev.aigw.gateway.proxy;

import io.helidon.common.buffers.DataReader;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** Helidon's client throws its I/O failures unchecked; the gateway handles them as the I/O failures they are. */
final class ClientErrors {
    private ClientErrors() {
    }

    /** The I/O failure behind {@code e}, with a connect timeout told apart from a read timeout. */
    static IOException checked(RuntimeException e) {
        if (e.getCause() instanceof IOException cause) {
            return cause instanceof SocketTimeoutException && inConnect(cause) ? new ConnectTimeout(cause) : cause;
        }
        if (e instanceof DataReader.InsufficientDataAvailableException) {
            return new EOFException("the provider closed the connection");
        }
        return new IOException(e);
    }

    // Both are a SocketTimeoutException with no more to go on; only where it was thrown tells them apart. Connecting
    // includes the TLS handshake, as the connect timeout does (see Upstream).
    private static boolean inConnect(IOException e) {
        return Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getMethodName().equals("startHandshake")
                || f.getClassName().equals(Socket.class.getName()) && f.getMethodName().equals("connect"));
    }

    /** No connection to the provider within the connect timeout. */
    static final class ConnectTimeout extends IOException {
        ConnectTimeout(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
