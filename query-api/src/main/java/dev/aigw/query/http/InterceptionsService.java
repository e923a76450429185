package dev.aigw.query.http;

import dev.aigw.query.store.InterceptionReader;
import dev.aigw.query.store.InterceptionView;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.UUID;

/** {@code GET /interceptions} and {@code GET /interceptions/{id}}. */
public final class InterceptionsService implements HttpService {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final InterceptionReader reader;
    private final AdminAuth auth;

    /** A service over the given reader. */
    public InterceptionsService(InterceptionReader reader, AdminAuth auth) {
        this.reader = reader;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/interceptions", this::list)
                .get("/interceptions/{id}", this::one);
    }

    private void list(ServerRequest req, ServerResponse res) {
        auth.require(req);
        int limit = limit(req.query().first("limit").orElse(String.valueOf(DEFAULT_LIMIT)));
        List<InterceptionView> results = reader.newest(limit);
        Json.send(res, new Page(results.size(), results));
    }

    private void one(ServerRequest req, ServerResponse res) {
        auth.require(req);
        String raw = req.path().pathParameters().get("id");
        UUID id;
        try {
            id = UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST_400, "Invalid interception id.", "not a UUID: " + raw);
        }
        Json.send(res, reader.byId(id).orElseThrow(
                () -> new ApiException(Status.NOT_FOUND_404, "Resource not found.", "no interception " + id)));
    }

    private static int limit(String raw) {
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same answer as an out-of-range number.
        }
        throw new ApiException(Status.BAD_REQUEST_400, "Invalid query parameter.",
                "limit must be an integer from 1 to " + MAX_LIMIT + ", got \"" + raw + "\"");
    }

    /** A page of interceptions. */
    record Page(int count, List<InterceptionView> results) {
    }
}
