package dev.aigw.gateway.proxy;

import dev.aigw.gateway.intercept.BadRequestException;
import dev.aigw.gateway.provider.ErrorShape;
import dev.aigw.gateway.provider.Provider;
import dev.aigw.gateway.provider.ProviderDirectory;
import dev.aigw.servicekit.wire.TransportReasons;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps every failure on a gateway route to an error body in the {@link ErrorShape} of the provider it addressed:
 * Anthropic's for Anthropic and Bedrock providers, OpenAI's for the others.
 */
public final class ErrorResponses {
    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    /** The longest request line the server reads; past it the answer is 414. */
    public static final int MAX_REQUEST_LINE_BYTES = 4096;
    /** The most bytes of header fields the server reads; past it the answer is 431. */
    public static final int MAX_HEADER_BYTES = 16384;
    // Helidon reports headers over its limit as a bad request whose message alone tells them apart.
    private static final Status HEADER_FIELDS_TOO_LARGE_431 = Status.create(431, "Request Header Fields Too Large");

    private final ProviderDirectory providers;
    private final long maxBodyBytes;

    /** Error responses for providers looked up by name; bodies over {@code maxBodyBytes} get 413. */
    public ErrorResponses(ProviderDirectory providers, long maxBodyBytes) {
        this.providers = providers;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Registers the error handlers of every gateway route. */
    public void register(HttpRouting.Builder routing) {
        routing.error(GatewayException.class, (req, res, e) -> {
                    if (e.retryAfterSeconds() > 0) {
                        res.header(HeaderNames.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
                    }
                    if (e.closesConnection()) {
                        res.header(HeaderValues.CONNECTION_CLOSE);
                    }
                    send(req, res, e.status(), e.type(), e.getMessage());
                })
                .error(BadRequestException.class,
                        (req, res, e) -> send(req, res, Status.BAD_REQUEST_400, "invalid_request_error", e.getMessage()))
                // Helidon's own refusals once a request is routed: no route matched, a header invalid when first read.
                .error(HttpException.class, (req, res, e) -> send(req, res, e.status(), type(e.status()),
                        e instanceof NotFoundException ? unsupported(req) : e.getMessage()))
                .error(RuntimeException.class, this::internal);
    }

    /** The message of a 404 for a request no route serves. */
    static String unsupported(ServerRequest req) {
        return "route not supported: " + req.prologue().method().text() + " " + req.path().path();
    }

    /**
     * Answers for requests the server refuses before routing (a malformed request line, header or chunk, limits
     * passed, HTTP/1.0), in the same shapes, for every kind of event Helidon answers directly. The connection is
     * closed after them, since what follows on it cannot be trusted to be a request.
     */
    public DirectHandlers transportErrors() {
        DirectHandler handler = (req, event, status, headers, message) -> transport(req.path(), refusal(event, status, message));
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
            handlers.addHandler(event, handler);
        }
        return handlers.build();
    }

    // Helidon's message is used only to tell cases apart and never sent: it may quote the request.
    private Refusal refusal(DirectHandler.EventType event, Status status, String message) {
        if (event == DirectHandler.EventType.HTTP_VERSION_NOT_SUPPORTED) {
            return new Refusal(Status.HTTP_VERSION_NOT_SUPPORTED_505, "invalid_request_error", "HTTP/1.0 is not "
                    + "supported: the AI Gateway speaks HTTP/1.1 only (streamed answers need chunked transfer encoding); "
                    + "send the request as HTTP/1.1");
        }
        if (TransportReasons.headersTooLarge(status, message)) {
            return new Refusal(HEADER_FIELDS_TOO_LARGE_431, "invalid_request_error",
                    "request header fields exceed the limit of " + MAX_HEADER_BYTES + " bytes");
        }
        return switch (status.code()) {
            case 400 -> new Refusal(status, "invalid_request_error", "malformed HTTP request: the request line, a header "
                    + "or the chunked body framing is not valid HTTP/1.1");
            case 413 -> new Refusal(status, "request_too_large", "request body exceeds the limit of " + maxBodyBytes + " bytes");
            case 414 -> new Refusal(status, "invalid_request_error",
                    "request line exceeds the limit of " + MAX_REQUEST_LINE_BYTES + " bytes");
            case 503 -> new Refusal(status, "overloaded_error", "the AI Gateway is serving too many requests; try again later");
            default -> new Refusal(status, type(status), status.code() >= 500 ? "gateway internal error"
                    : "request refused: " + status.reasonPhrase());
        };
    }

    /** The body of a refusal the strict wire answers itself ({@code StrictHttp1}), for a request line's target. */
    public String wireError(int status, String message, String target) {
        return body(target, type(Status.create(status)), message);
    }

    /** A status and the error type and message that explain it. */
    private record Refusal(Status status, String type, String message) {
    }

    // The error types both providers document, by status.
    private static String type(Status status) {
        return switch (status.code()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 503, 529 -> "overloaded_error";
            default -> status.code() >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    private DirectHandler.TransportResponse transport(String path, Refusal refusal) {
        return DirectHandler.TransportResponse.builder()
                .status(refusal.status())
                .header(HeaderValues.CONTENT_TYPE_JSON)
                .header(HeaderValues.CONNECTION_CLOSE)
                .keepAlive(false)
                .entity(body(path == null ? "" : path, refusal.type(), refusal.message()))
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
        // The path as the client sent it: below a service's mount the routed path no longer names the provider, and
        // the normalised one may have lost the API the client asked for (a refused "/v1/messages/../x").
        res.status(status).header(HeaderNames.CONTENT_TYPE, "application/json")
                .send(body(req.prologue().uriPath().rawPath(), type, message));
    }

    private String body(String target, String type, String message) {
        return shape(path(target)).body(type, message);
    }

    /** The path of a request target in any form: origin ({@code /p?q}) or absolute ({@code http://host/p?q}). */
    static String path(String target) {
        int scheme = target.indexOf("://");
        int start = scheme > 0 && target.indexOf('/') > scheme ? target.indexOf('/', scheme + 3) : 0;
        int query = target.indexOf('?');
        int end = query < 0 ? target.length() : query;
        return start < 0 || start > end ? "/" : target.substring(start, end);
    }

    // Paths are /api/v2/<aibridge|ai-gateway>/<provider>/…; an unknown provider is judged by the API it asked for.
    private ErrorShape shape(String path) {
        String[] segments = path.split("/", 6);
        Optional<Provider> provider = segments.length > 4 ? providers.find(segments[4]) : Optional.empty();
        return provider.map(Provider::errorShape)
                .orElseGet(() -> path.contains("/v1/messages") ? ErrorShape.ANTHROPIC : ErrorShape.OPENAI);
    }
}
