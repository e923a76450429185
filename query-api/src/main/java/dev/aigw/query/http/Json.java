package dev.aigw.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aigw.query.paging.PagingException;
import dev.aigw.query.search.SearchException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JSON responses of the API: snake_case fields, RFC 3339 times, and the error shape, mapped in one place. */
public final class Json {
    private static final Logger LOG = Logger.getLogger(Json.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Json() {
    }

    /** Registers the error handlers of every API route. */
    public static void registerErrors(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> error(res, e.status(), e.getMessage(), e.detail()))
                // The server's own refusals, such as 404 for a path no route matches, keep their status.
                .error(HttpException.class, (req, res, e) -> error(res, e.status(), e.status().reasonPhrase() + ".",
                        e.getMessage()))
                .error(SearchException.class, (req, res, e) -> error(res, Status.BAD_REQUEST_400, "Invalid search query.",
                        e.getMessage()))
                .error(PagingException.class, (req, res, e) -> error(res, Status.BAD_REQUEST_400,
                        "Invalid pagination parameters.", e.getMessage()))
                .error(RuntimeException.class, (req, res, e) -> {
                    LOG.log(Level.SEVERE, "query API fault on " + req.path().path(), e);
                    error(res, Status.INTERNAL_SERVER_ERROR_500, "Internal error.", e.getClass().getSimpleName());
                });
    }

    static void send(ServerResponse res, Object body) {
        try {
            res.header(HeaderNames.CONTENT_TYPE, "application/json").send(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
    }

    /** One line of JSON Lines. */
    static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export row not serializable", e);
        }
    }

    private static void error(ServerResponse res, Status status, String message, String detail) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("detail", detail);
        res.status(status);
        send(res, body);
    }
}
