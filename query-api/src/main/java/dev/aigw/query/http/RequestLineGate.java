package dev.aigw.query.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Reads a new connection's first request line before Helidon does, for two things its HTTP/1.1 connection cannot
 * answer in the API's shape: an HTTP/1.0 request, which Helidon 4.5 would close without a word (handed to its HTTP/1.1
 * connection it is refused 505 through {@link ApiErrors}), and a method name with lower-case letters, which Helidon
 * upper-cases and serves ({@code get} as {@code GET}) although method names are case-sensitive (refused 400 here).
 *
 * <p>Only the first request of a connection is read this way, and only when its request line is in the connection's
 * first read (as any client writes it): Helidon offers no hook before it parses the next ones, and hands a connection
 * to its HTTP/1.1 parser as soon as no other selector claims the first bytes. So a later {@code get} on a kept-alive
 * connection, or one trickled a byte at a time, is still served as {@code GET}.
 */
public final class RequestLineGate implements ServerConnectionSelector {
    private static final String HTTP_1_0 = " HTTP/1.0\r";

    private final Http1ConnectionSelector http1;

    /** A gate whose HTTP/1.0 connections follow {@code config}, like the listener's HTTP/1.1 ones. */
    public RequestLineGate(Http1Config config) {
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
    }

    @Override
    public int bytesToIdentifyConnection() {
        return 0;
    }

    @Override
    public Support supports(BufferData request) {
        int lf = request.indexOf((byte) '\n');
        if (lf < 0) {
            return Support.UNSUPPORTED;
        }
        String line = request.readString(lf, StandardCharsets.US_ASCII);
        return line.endsWith(HTTP_1_0) || lowerCaseMethod(line) ? Support.SUPPORTED : Support.UNSUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        BufferData first = ctx.dataReader().getBuffer(ctx.dataReader().available());
        int lf = first.indexOf((byte) '\n');
        String line = lf < 0 ? "" : first.readString(lf, StandardCharsets.US_ASCII);
        return lowerCaseMethod(line) ? new Refusal(ctx, line.substring(0, line.indexOf(' '))) : http1.connection(ctx);
    }

    static boolean lowerCaseMethod(String requestLine) {
        int space = requestLine.indexOf(' ');
        return space > 0 && requestLine.substring(0, space).chars().anyMatch(Character::isLowerCase);
    }

    /** A connection that answers its one request 400 and closes. */
    private static final class Refusal implements ServerConnection {
        private final ConnectionContext ctx;
        private final String method;

        Refusal(ConnectionContext ctx, String method) {
            this.ctx = ctx;
            this.method = method;
        }

        @Override
        public void handle(Limit limit) {
            ctx.dataWriter().writeNow(BufferData.create(ApiErrors.raw(Status.BAD_REQUEST_400, "Invalid request.",
                    "method \"" + method + "\" is not an HTTP method: method names are case-sensitive, such as GET")));
        }

        @Override
        public Duration idleTime() {
            return Duration.ZERO;
        }

        @Override
        public void close(boolean interrupt) {
            // Nothing held: the server closes the socket once handle returns.
        }
    }
}
