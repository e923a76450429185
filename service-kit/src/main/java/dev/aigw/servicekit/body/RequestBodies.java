package dev.aigw.servicekit.body;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.RequestException;
import io.helidon.webserver.http.ServerRequest;
import java.io.UncheckedIOException;

/** Reads whole request bodies for the services' handlers. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * The body of {@code req}, empty when it has none. Helidon's own refusals (a chunked body over the limit, 413) pass
     * through to its direct handlers; a body the client framed badly, cut short or stopped sending is a
     * {@link BadBody}, the client's fault, after which nothing on the connection can be trusted to start a request.
     */
    public static byte[] read(ServerRequest req) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try {
            return req.content().as(byte[].class);
        } catch (RequestException e) {
            throw e;
        } catch (DataReader.InsufficientDataAvailableException e) {
            throw new BadBody("request body ended before its declared length");
        } catch (RuntimeException e) {
            // Helidon reads the body lazily in the handler, so what it finds there surfaces as plain runtime
            // exceptions: a chunk size that is not hex (NumberFormatException), a body that stopped arriving until the
            // read timeout (UncheckedIOException). Nothing but the client's bytes is read here.
            throw new BadBody("request body could not be read: " + (e instanceof UncheckedIOException
                    ? "it stopped arriving" : "its chunked framing is not valid HTTP/1.1"));
        }
    }

    /** A request body the client framed badly or did not finish: answer 400 and close the connection. */
    public static final class BadBody extends RuntimeException {
        BadBody(String message) {
            super(message, null, false, false);
        }
    }
}
