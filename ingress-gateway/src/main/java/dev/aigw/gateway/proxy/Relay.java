package dev.aigw.gateway.proxy;

import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.intercept.Api;
import dev.aigw.gateway.intercept.Interception;
import dev.aigw.gateway.intercept.StreamAudit;
import dev.aigw.gateway.intercept.sse.SseDecoder;
import dev.aigw.gateway.metrics.Overhead;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a provider's answer to the client as it arrives, feeding the audit on the side. A read of the answer that
 * waits the idle limit fails (see {@link Upstream}) and ends the interception as failed. Reads are also timed, as
 * waiting on the provider, so that the rest is the gateway's overhead, which the answer's headers carry.
 */
public final class Relay {
    private static final HeaderName OVERHEAD_HEADER = HeaderNames.create(Overhead.HEADER);
    private final UpstreamTimeouts timeouts;

    /** A relay whose failed reads are reported with {@code timeouts}. */
    public Relay(UpstreamTimeouts timeouts) {
        this.timeouts = timeouts;
    }

    /**
     * Relays an intercepted answer and records its facts and end. Status and headers are decided before the first
     * byte is written: an error or blocking answer is read whole first, a stream is relayed chunk by chunk. So the
     * overhead header covers a blocking answer up to sending it, and a stream only up to its first chunk.
     */
    void intercepted(Api api, Answer answer, ServerResponse res, Interception interception, boolean stream,
                     Overhead overhead) throws IOException {
        int status = answer.status();
        if (status / 100 == 2 && stream) {
            copyStatusAndHeaders(answer, res, overhead);
            relayStream(api, answer, res, interception, overhead);
            return;
        }
        byte[] bytes = readAll(answer, interception, overhead);
        copyStatusAndHeaders(answer, res, overhead);
        overhead.firstByte();
        res.send(bytes);
        if (status / 100 != 2) {
            interception.end(InterceptionStatus.FAILED, status, "upstream_error", "upstream status " + status);
            return;
        }
        try {
            api.payloads(bytes).forEach(interception::record);
            interception.end(InterceptionStatus.COMPLETED, status, null, null);
        } catch (IOException e) {
            interception.end(InterceptionStatus.COMPLETED, status, "response_not_parsed",
                    "upstream answered " + status + " with a body that is not JSON");
        }
    }

    /** Relays a passthrough answer as it is. */
    void plain(Answer answer, ServerResponse res, Overhead overhead) throws IOException {
        copyStatusAndHeaders(answer, res, overhead);
        try (InputStream in = answer.body(); OutputStream out = res.outputStream()) {
            byte[] buffer = new byte[8192];
            for (int n = read(in, buffer, overhead); n >= 0; n = read(in, buffer, overhead)) {
                overhead.firstByte();
                out.write(buffer, 0, n);
            }
        }
    }

    private byte[] readAll(Answer answer, Interception interception, Overhead overhead) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[8192];
            for (int n = read(in, buffer, overhead); n >= 0; n = read(in, buffer, overhead)) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            UpstreamFailure failure = UpstreamFailure.reading(e, timeouts);
            interception.end(InterceptionStatus.FAILED, answer.status(), failure.type(), failure.message());
            throw failure.toException();
        }
        return bytes.toByteArray();
    }

    // Each chunk goes to the client and is flushed before the parser sees it, so parsing never delays the relay.
    private void relayStream(Api api, Answer answer, ServerResponse res, Interception interception, Overhead overhead)
            throws IOException {
        StreamAudit parsed = api.follow(interception::record);
        SseDecoder decoder = new SseDecoder(parsed);
        OutputStream out = res.outputStream();
        try (InputStream in = answer.body()) {
            byte[] buffer = new byte[8192];
            for (int n = read(in, buffer, overhead); n >= 0; n = read(in, buffer, overhead)) {
                overhead.firstByte();
                if (!write(out, buffer, n)) {
                    parsed.finish();
                    interception.end(InterceptionStatus.CANCELLED, answer.status(), "client_disconnected",
                            "client went away mid-stream");
                    return;
                }
                decoder.feed(buffer, 0, n);
            }
        } catch (IOException e) {
            UpstreamFailure failure = UpstreamFailure.reading(e, timeouts);
            parsed.finish();
            interception.end(InterceptionStatus.FAILED, answer.status(), failure.type(), failure.message());
            byte[] notice = api.streamError(failure.message());
            if (write(out, notice, notice.length)) {
                out.close();
            }
            return;
        }
        out.close();
        decoder.finish();
        parsed.finish();
        parsed.error().ifPresentOrElse(
                e -> interception.end(InterceptionStatus.FAILED, answer.status(), "stream_error", e),
                () -> interception.end(InterceptionStatus.COMPLETED, answer.status(), null, null));
    }

    private static int read(InputStream in, byte[] buffer, Overhead overhead) throws IOException {
        long since = System.nanoTime();
        try {
            return in.read(buffer);
        } finally {
            overhead.waitedSince(since);
        }
    }

    // The server reports a client that went away with its own runtime exceptions (socket writer, closed connection).
    private static boolean write(OutputStream out, byte[] bytes, int length) {
        try {
            out.write(bytes, 0, length);
            out.flush();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void copyStatusAndHeaders(Answer answer, ServerResponse res, Overhead overhead) {
        res.status(Status.create(answer.status()));
        for (Header header : answer.headers()) {
            if (Upstream.isForwardedResponseHeader(header.headerName())) {
                res.header(header);
            }
        }
        // Last, so that an upstream's header of the same name (another gateway in front of the provider) is replaced.
        res.header(OVERHEAD_HEADER, overhead.header());
    }
}
