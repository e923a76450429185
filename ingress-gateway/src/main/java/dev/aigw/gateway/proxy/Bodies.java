package dev.aigw.gateway.proxy;

import dev.aigw.servicekit.body.RequestBodies;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/** Reads request bodies whole, refusing one whose declared length is over the limit before reading it. */
final class Bodies {
    private final long maxBodyBytes;

    Bodies(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    byte[] read(ServerRequest req) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > maxBodyBytes) {
            throw new GatewayException(Status.REQUEST_ENTITY_TOO_LARGE_413, "request_too_large",
                    "request body of " + declared + " bytes exceeds the limit of " + maxBodyBytes);
        }
        try {
            return RequestBodies.read(req);
        } catch (RequestBodies.BadBody e) {
            throw GatewayException.closing(e.getMessage());
        }
    }
}
