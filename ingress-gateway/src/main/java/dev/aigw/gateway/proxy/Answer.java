package dev.aigw.gateway.proxy;

import io.helidon.http.Headers;
import java.io.IOException;
import java.io.InputStream;

/**
 * A provider's answer: its status and headers as received, and its body as it arrives. Closing the answer ends the
 * call; the body read to its end leaves the connection for the next call, any other is closed.
 *
 * @param status  the status code
 * @param headers the headers
 * @param body    the raw body bytes
 */
record Answer(int status, Headers headers, InputStream body) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
