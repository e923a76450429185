package dev.aigw.query.http;

import dev.aigw.query.paging.PageRequest;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Query parameters the audit views share. */
final class Params {
    private Params() {
    }

    static Optional<String> optional(ServerRequest req, String name) {
        return req.query().first(name).asOptional();
    }

    /** The page asked for by {@code limit}, {@code offset} and the cursor parameter {@code afterName}. */
    static PageRequest page(ServerRequest req, PageRequest.Limits limits, String afterName) {
        return PageRequest.of(optional(req, "limit"), optional(req, afterName), optional(req, "offset"), limits, afterName);
    }
}
