package dev.aigw.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.gateway.intercept.BadRequestException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Maps every failure of a gateway route to an error body in the shape of the provider API it addressed. */
public final class ErrorResponses {
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    /** Registers the error handlers of every gateway route. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(GatewayException.class, (req, res, e) -> send(req, res, e.status(), e.type(), e.getMessage()))
                .error(BadRequestException.class,
                        (req, res, e) -> send(req, res, Status.BAD_REQUEST_400, "invalid_request_error", e.getMessage()))
                .error(RuntimeException.class, ErrorResponses::internal);
    }

    private static void internal(ServerRequest req, ServerResponse res, RuntimeException e) {
        LOG.log(Level.SEVERE, "gateway fault on " + req.prologue().method().text() + " " + req.path().path(), e);
        send(req, res, Status.INTERNAL_SERVER_ERROR_500, "api_error", "gateway internal error: " + e.getClass().getSimpleName());
    }

    /**
     * Writes Anthropic's {@code {"type":"error","error":{"type","message"}}} on Anthropic routes and OpenAI's
     * {@code {"error":{"message","type","code"}}} elsewhere, unless the response is already under way.
     */
    static void send(ServerRequest req, ServerResponse res, Status status, String type, String message) {
        if (res.isSent()) {
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        if (req.path().path().endsWith("/v1/messages")) {
            body.put("type", "error").putObject("error").put("type", type).put("message", message);
        } else {
            body.putObject("error").put("message", message).put("type", type).putNull("code");
        }
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(body.toString());
    }
}
