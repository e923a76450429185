package dev.aigw.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.intercept.BadRequestException;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every failure on a gateway route to an error body in the shape of the provider it addressed: Anthropic's
 * {@code {"type":"error","error":{"type","message"}}} for Anthropic providers, OpenAI's
 * {@code {"error":{"message","type","code"}}} for the others.
 */
public final class ErrorResponses {
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Optional<ProviderType>> typeOfProvider;
    private final long maxBodyBytes;

    /** Error responses for providers whose type is looked up by name; bodies over {@code maxBodyBytes} get 413. */
    public ErrorResponses(Function<String, Optional<ProviderType>> typeOfProvider, long maxBodyBytes) {
        this.typeOfProvider = typeOfProvider;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Registers the error handlers of every gateway route. */
    public void register(HttpRouting.Builder routing) {
        routing.error(GatewayException.class, (req, res, e) -> {
                    if (e.retryAfterSeconds() > 0) {
                        res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                    }
                    send(req, res, e.status(), e.type(), e.getMessage());
                })
                .error(BadRequestException.class,
                        (req, res, e) -> send(req, res, Status.BAD_REQUEST_400, "invalid_request_error", e.getMessage()))
                .error(RuntimeException.class, this::internal);
    }

    /**
     * Answers for requests the server refuses before routing (malformed headers, a body over the limit), in the
     * same shapes. The connection is closed after them, since what follows on it cannot be trusted to be a request.
     */
    public DirectHandlers transportErrors() {
        DirectHandler handler = (req, event, status, headers, message) -> status == Status.REQUEST_ENTITY_TOO_LARGE_413
                ? transport(req.path(), status, "request_too_large", "request body exceeds the limit of " + maxBodyBytes + " bytes")
                : transport(req.path(), status, "invalid_request_error",
                        "malformed HTTP request: the request line or a header is not valid HTTP/1.1");
        return DirectHandlers.builder()
                .addHandler(DirectHandler.EventType.BAD_REQUEST, handler)
                .addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, handler)
                .build();
    }

    private DirectHandler.TransportResponse transport(String path, Status status, String type, String message) {
        return DirectHandler.TransportResponse.builder()
                .status(status)
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .header(HeaderValues.CONNECTION_CLOSE)
                .keepAlive(false)
                .entity(body(path == null ? "" : path, type, message))
                .build();
    }

    private void internal(ServerRequest req, ServerResponse res, RuntimeException e) {
        LOG.log(Level.SEVERE, "gateway fault on " + req.prologue().method().text() + " " + req.path().path(), e);
        send(req, res, Status.INTERNAL_SERVER_ERROR_500, "api_error", "gateway internal error: " + e.getClass().getSimpleName());
    }

    private void send(ServerRequest req, ServerResponse res, Status status, String type, String message) {
        if (res.isSent()) {
            return;
        }
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json").send(body(req.path().path(), type, message));
    }

    private String body(String path, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        if (anthropicShaped(path)) {
            body.put("type", "error").putObject("error").put("type", type).put("message", message);
        } else {
            body.putObject("error").put("message", message).put("type", type).putNull("code");
        }
        return body.toString();
    }

    // Paths are /api/v2/<aibridge|ai-gateway>/<provider>/…; an unknown provider is judged by the API it asked for.
    private boolean anthropicShaped(String path) {
        String[] segments = path.split("/", 6);
        Optional<ProviderType> type = segments.length > 4 ? typeOfProvider.apply(segments[4]) : Optional.empty();
        return type.map(t -> t == ProviderType.ANTHROPIC).orElseGet(() -> path.contains("/v1/messages"));
    }
}
