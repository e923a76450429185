package dev.aigw.gateway.dump;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The dump of one upstream call, fed by whoever sends it: the request as sent, then either the transport error or
 * the response, whose body is written as the caller reads it. Dumping never fails or delays the call.
 */
public interface Dump {
    /** Dumps nothing. */
    Dump NONE = new Dump() {
        @Override
        public void request(HttpRequest request, byte[] body) {
        }

        @Override
        public void failed(IOException error) {
        }

        @Override
        public HttpResponse.BodyHandler<InputStream> bodyHandler() {
            return HttpResponse.BodyHandlers.ofInputStream();
        }
    };

    /** Records the request exactly as it goes upstream; {@code body} must not change afterwards. */
    void request(HttpRequest request, byte[] body);

    /** Records that the request got no response. */
    void failed(IOException error);

    /** The body handler to send with: the response body it yields is also written to the dump as it is read. */
    HttpResponse.BodyHandler<InputStream> bodyHandler();

    /** Sends {@code request} with {@code client}, dumping the request, then the response or the failure. */
    default HttpResponse<InputStream> send(HttpClient client, HttpRequest request, byte[] body)
            throws IOException, InterruptedException {
        request(request, body);
        try {
            return client.send(request, bodyHandler());
        } catch (IOException e) {
            failed(e);
            throw e;
        }
    }
}
