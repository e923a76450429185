package dev.aigw.servicekit.wire;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.common.socket.PeerInfo;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ListenerContext;
import io.helidon.webserver.Router;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Helidon's HTTP/1.1 connection, read through {@link RequestFraming}: chunk extensions and trailers work; a malformed
 * request line or a lowercase method gets a 400, an unknown method a 501 and any version but HTTP/1.1 a 505, each with
 * a body in the service's error shape. Give it to a listener as its only
 * connection selector, in place of Helidon's own:
 *
 * <pre>{@code
 * WebServer.builder().protocols(List.of()).addConnectionSelector(StrictHttp1.create(http1Config, errors))
 * }</pre>
 */
public final class StrictHttp1 implements ServerConnectionSelector {
    private final Http1ConnectionSelector http1;
    private final ErrorBody errors;
    private final int maxRequestLine;

    /** The JSON body of an error the wire answers itself, in the shape of the service (or provider) a path belongs to. */
    @FunctionalInterface
    public interface ErrorBody {
        /** The body for {@code status} with {@code message}, for a request to {@code target} (as the client sent it). */
        String json(int status, String message, String target);
    }

    private StrictHttp1(Http1ConnectionSelector http1, ErrorBody errors, int maxRequestLine) {
        this.http1 = http1;
        this.errors = errors;
        this.maxRequestLine = maxRequestLine;
    }

    /**
     * Helidon's HTTP/1.1 connection with {@code config}, behind the strict wire; refusals carry {@code errors}' bodies. A
     * request line over the config's prologue limit gets the wire's 414, whose body names the API of the target.
     */
    public static StrictHttp1 create(Http1Config config, ErrorBody errors) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(errors, "errors");
        return new StrictHttp1(Http1ConnectionSelector.builder().config(config).build(), errors, config.maxPrologueLength());
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    // Every connection is claimed: this is the listener's only protocol, and its framing answers a first line Helidon's
    // selector would not claim (HTTP/1.0, a malformed version, a line over its limit) instead of closing unanswered.
    @Override
    public Support supports(BufferData request) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return http1.connection(new StrictContext(ctx, errors, maxRequestLine));
    }

    /** The socket's bytes, pulled through the framing; a refusal is written straight to the socket and ends the stream. */
    private static final class StrictSupplier implements java.util.function.Supplier<byte[]> {
        private final DataReader socket;
        private final DataWriter writer;
        private final ErrorBody errors;
        private final RequestFraming framing;
        private RequestFraming.Refusal refused;

        StrictSupplier(DataReader socket, DataWriter writer, ErrorBody errors, int maxRequestLine) {
            this.framing = new RequestFraming(maxRequestLine);
            this.socket = socket;
            this.writer = writer;
            this.errors = errors;
        }

        @Override
        public byte[] get() {
            while (refused == null) {
                byte[] bytes = pull();
                if (bytes == null) {
                    return null;
                }
                RequestFraming.Fed fed = framing.feed(bytes);
                if (fed.refusal() != null) {
                    refused = fed.refusal();
                    if (fed.bytes().length > 0) {
                        return fed.bytes();
                    }
                } else if (fed.bytes().length > 0) {
                    return fed.bytes();
                }
            }
            // Reached only when the reader asks for the refused request itself: the ones before it are answered.
            writer.writeNow(BufferData.create(response(refused)));
            return null;
        }

        private byte[] pull() {
            try {
                socket.ensureAvailable();
            } catch (DataReader.InsufficientDataAvailableException e) {
                return null;
            }
            return socket.readBytes(socket.available());
        }

        private byte[] response(RequestFraming.Refusal refusal) {
            byte[] body = errors.json(refusal.status(), refusal.message(), refusal.target()).getBytes(StandardCharsets.UTF_8);
            String head = "HTTP/1.1 " + refusal.status() + " " + reason(refusal.status()) + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            return all;
        }

        private static String reason(int status) {
            return switch (status) {
                case 414 -> "URI Too Long";
                case 501 -> "Not Implemented";
                case 505 -> "HTTP Version Not Supported";
                default -> "Bad Request";
            };
        }
    }

    /** The listener's connection context with the socket's reader replaced by the strict one. */
    private static final class StrictContext implements ConnectionContext {
        private final ConnectionContext delegate;
        private final DataReader reader;

        StrictContext(ConnectionContext delegate, ErrorBody errors, int maxRequestLine) {
            this.delegate = delegate;
            this.reader = DataReader.create(new StrictSupplier(delegate.dataReader(), delegate.dataWriter(), errors,
                    maxRequestLine));
        }

        @Override
        public DataReader dataReader() {
            return reader;
        }

        @Override
        public ListenerContext listenerContext() {
            return delegate.listenerContext();
        }

        @Override
        public ExecutorService executor() {
            return delegate.executor();
        }

        @Override
        public DataWriter dataWriter() {
            return delegate.dataWriter();
        }

        @Override
        public Router router() {
            return delegate.router();
        }

        @Override
        public java.util.Optional<io.helidon.webserver.ProxyProtocolData> proxyProtocolData() {
            return delegate.proxyProtocolData();
        }

        @Override
        public io.helidon.common.socket.HelidonSocket serverSocket() {
            return delegate.serverSocket();
        }

        @Override
        public PeerInfo remotePeer() {
            return delegate.remotePeer();
        }

        @Override
        public PeerInfo localPeer() {
            return delegate.localPeer();
        }

        @Override
        public boolean isSecure() {
            return delegate.isSecure();
        }

        @Override
        public String socketId() {
            return delegate.socketId();
        }

        @Override
        public String childSocketId() {
            return delegate.childSocketId();
        }
    }
}
