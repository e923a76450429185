package dev.aigw.gateway.proxy;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a provider's answer, read from the connection by the calling thread. Closing it before its end closes
 * the connection rather than wait for the rest (unless the rest is already in), so a client that went away ends the
 * provider's call at once.
 */
final class AnswerBody extends InputStream {
    private final Http1ClientResponse response;
    private final InputStream in;
    private final boolean untilClose;

    /** The body of {@code response}; none is read when {@code bodiless}, as for HEAD, whatever the headers say. */
    AnswerBody(Http1ClientResponse response, boolean bodiless) {
        this.response = response;
        this.in = bodiless ? InputStream.nullInputStream() : response.inputStream();
        this.untilClose = !bodiless && response.headers().contentLength().isEmpty()
                && !response.headers().contains(HeaderNames.TRANSFER_ENCODING);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (DataReader.InsufficientDataAvailableException e) {
            // Helidon reports every end of the connection so; for a body of neither length nor chunks it is the end.
            if (untilClose) {
                return -1;
            }
            throw new EOFException("the provider closed the connection before the end of its answer");
        } catch (RuntimeException e) {
            throw ClientErrors.checked(e);
        }
    }

    @Override
    public void close() {
        response.close();
    }
}
