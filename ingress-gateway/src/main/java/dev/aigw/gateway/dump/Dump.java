package dev.aigw.gateway.dump;

import io.helidon.http.Headers;
import io.helidon.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * The dump of one upstream call, fed by whoever sends it: the request as sent, then either the transport error or
 * the response, whose body is written as the caller reads it. Dumping never fails or delays the call.
 */
public interface Dump {
    /** Dumps nothing. */
    Dump NONE = new Dump() {
        @Override
        public void request(Method method, URI uri, Headers headers, byte[] body) {
        }

        @Override
        public void failed(IOException error) {
        }

        @Override
        public InputStream response(int status, Headers headers, InputStream body) {
            return body;
        }
    };

    /**
     * Records the request exactly as it goes upstream, to {@code uri} with {@code headers} and {@code body}; none of
     * them may change afterwards.
     */
    void request(Method method, URI uri, Headers headers, byte[] body);

    /** Records that the request got no response. */
    void failed(IOException error);

    /**
     * Records the response's status and headers, which must not change afterwards, and returns its body to read in
     * place of {@code body}: what is read of it is also written to the dump.
     */
    InputStream response(int status, Headers headers, InputStream body);
}
