package dev.aigw.gateway.proxy;

import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.proxy.ClientErrors.ConnectTimeout;
import io.helidon.http.Status;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Why a provider gave no answer, as the client is told and the interception records it.
 *
 * @param status  the status the client gets
 * @param type    the error type recorded and sent
 * @param message what happened, without secrets
 */
record UpstreamFailure(Status status, String type, String message) {

    /** The failure behind an exception of the upstream call before the answer's headers arrived. */
    static UpstreamFailure of(IOException e, UpstreamTimeouts timeouts) {
        return switch (e) {
            case ConnectTimeout connect -> new UpstreamFailure(Status.GATEWAY_TIMEOUT_504, "upstream_timeout",
                    "no connection to the provider within " + seconds(timeouts.connect().toMillis()));
            case SocketTimeoutException firstByte -> new UpstreamFailure(Status.GATEWAY_TIMEOUT_504, "upstream_timeout",
                    "no response from the provider within " + seconds(timeouts.firstByte().toMillis()));
            default -> new UpstreamFailure(Status.BAD_GATEWAY_502, "upstream_unreachable",
                    "upstream unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        };
    }

    /** The failure behind an exception reading the answer's body: a read that timed out waited the idle limit. */
    static UpstreamFailure reading(IOException e, UpstreamTimeouts timeouts) {
        return e instanceof SocketTimeoutException
                ? new UpstreamFailure(Status.GATEWAY_TIMEOUT_504, "upstream_idle_timeout",
                        "the provider sent nothing for " + seconds(timeouts.idle().toMillis()))
                : of(e, timeouts);
    }

    GatewayException toException() {
        return new GatewayException(status, "api_error", message);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
