package dev.aigw.query.http;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.query.paging.PagingException;
import dev.aigw.query.search.SearchException;
import dev.aigw.servicekit.body.RequestBodies;
import dev.aigw.servicekit.json.Json;
import dev.aigw.servicekit.wire.TransportReasons;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every refusal of the API in one shape, {@code {"message", "detail"}}: the errors of the routes, and the server's own
 * answers to requests it refuses outside the routes (malformed HTTP, a request line, headers or body over its limit,
 * HTTP/1.0). Bad input is a 4xx naming what is wrong; a 5xx is only our own fault.
 */
public final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final ObjectMapper MAPPER = Json.MAPPER;
    // Long enough for the driver to reconnect to a node that restarts, short enough for a person at a screen.
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Status HEADER_FIELDS_TOO_LARGE_431 = Status.create(431, "Request Header Fields Too Large");

    private ApiErrors() {
    }

    /** Registers the error handlers of every API route. */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e.status(), e.getMessage(), e.detail()))
                // The server's own refusals, such as 404 for a path no route matches, keep their status.
                .error(HttpException.class, (req, res, e) -> send(res, e.status(), e.status().reasonPhrase() + ".",
                        e.getMessage()))
                .error(SearchException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400, "Invalid search query.",
                        e.getMessage()))
                .error(PagingException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400,
                        "Invalid pagination parameters.", e.getMessage()))
                // Nothing after a badly framed body on the connection can be trusted to start a request.
                .error(RequestBodies.BadBody.class, (req, res, e) -> {
                    res.header(HeaderValues.CONNECTION_CLOSE);
                    send(res, Status.BAD_REQUEST_400, "Malformed request body.", e.getMessage());
                })
                .error(RuntimeException.class, (req, res, e) -> {
                    Optional<Throwable> outage = storeOutage(e);
                    if (outage.isPresent()) {
                        LOG.log(Level.WARNING, "audit store unavailable on " + req.path().path() + ": " + outage.get());
                        res.header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
                        send(res, Status.SERVICE_UNAVAILABLE_503, "Audit store unavailable.", "Cassandra could not answer "
                                + "at the configured consistency (" + outage.get().getClass().getSimpleName()
                                + "); nothing was answered in part, try again later");
                        return;
                    }
                    LOG.log(Level.SEVERE, "query API fault on " + req.path().path(), e);
                    send(res, Status.INTERNAL_SERVER_ERROR_500, "Internal error.", e.getClass().getSimpleName());
                });
    }

    /**
     * The driver's failure, if {@code failure} is (or wraps) one that says Cassandra cannot answer now but may soon: too
     * few replicas alive for the consistency level, replicas that did not answer in time, a coordinator overloaded or
     * starting, no node reachable. Such a request is answered 503 as a whole; a page is never cut short and sent as if
     * complete.
     */
    static Optional<Throwable> storeOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnavailableException || t instanceof QueryConsistencyException || t instanceof OverloadedException
                    || t instanceof BootstrappingException || t instanceof AllNodesFailedException
                    || t instanceof DriverTimeoutException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Answers for requests the server refuses outside the routes, each with a body in the API's shape. The connection
     * is closed after them: what follows on it cannot be trusted to be a request.
     *
     * @param limits the limits the server was built with, to name them in the answers
     */
    public static DirectHandlers transport(Limits limits) {
        DirectHandler handler = new Transport(limits);
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, handler);
        }
        return handlers.build();
    }

    /**
     * The sizes the server accepts.
     *
     * @param requestLineBytes longest request line (method, target and version)
     * @param headerBytes      largest header section
     * @param bodyBytes        largest request body
     */
    public record Limits(int requestLineBytes, int headerBytes, long bodyBytes) {
    }

    static void send(ServerResponse res, Status status, String message, String detail) {
        res.status(status);
        JsonResponses.send(res, shape(message, detail));
    }

    /** The body of a refusal the strict wire answers itself ({@code StrictHttp1}): its reason becomes the detail. */
    public static String wire(int status, String reason, String target) {
        String message = switch (status) {
            case 414 -> "Request URI too long.";
            case 501 -> "Method not implemented.";
            case 505 -> "HTTP version not supported.";
            default -> "Malformed HTTP request.";
        };
        return new String(bytes(shape(message, reason)), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Map<String, String> body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always encodes", e);
        }
    }

    private static Map<String, String> shape(String message, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("detail", detail);
        return body;
    }

    private record Transport(Limits limits) implements DirectHandler {
        @Override
        public TransportResponse handle(TransportRequest request, EventType type, Status status,
                                        ServerResponseHeaders headers, String message) {
            if (status == Status.REQUEST_ENTITY_TOO_LARGE_413) {
                return answer(status, "Request body too large.",
                        "the request body exceeds the limit of " + limits.bodyBytes() + " bytes");
            }
            if (status == Status.REQUEST_URI_TOO_LONG_414) {
                return answer(status, "Request URI too long.",
                        "the request line exceeds the limit of " + limits.requestLineBytes() + " bytes");
            }
            if (type == EventType.HTTP_VERSION_NOT_SUPPORTED) {
                return answer(Status.HTTP_VERSION_NOT_SUPPORTED_505, "HTTP version not supported.",
                        "the API speaks HTTP/1.1 only; send the request as HTTP/1.1");
            }
            if (type == EventType.INTERNAL_ERROR) {
                LOG.log(Level.SEVERE, "query API fault before routing, answered " + status.code());
                return answer(status, "Internal error.", "the server failed to read the request");
            }
            if (TransportReasons.headersTooLarge(status, message)) {
                return answer(HEADER_FIELDS_TOO_LARGE_431, "Request header fields too large.",
                        "the header section exceeds the limit of " + limits.headerBytes() + " bytes");
            }
            if (status == Status.BAD_REQUEST_400) {
                return answer(status, "Malformed HTTP request.", "the request line or a header is not valid HTTP/1.1");
            }
            // Anything else the server refuses by itself, such as 503 when it is at its limit of concurrent requests.
            // Helidon's reason is not sent: it may quote the request.
            return answer(status, status.reasonPhrase() + ".", status.reasonPhrase());
        }

        private static TransportResponse answer(Status status, String message, String detail) {
            return TransportResponse.builder()
                    .status(status)
                    .header(HeaderValues.CONTENT_TYPE_JSON)
                    .header(HeaderValues.CONNECTION_CLOSE)
                    .keepAlive(false)
                    .entity(bytes(shape(message, detail)))
                    .build();
        }
    }
}
