package dev.aigw.query.http;

import dev.aigw.query.store.FilterValueReads;
import dev.aigw.query.store.FilterValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Values for the filter menus, as JSON arrays of strings: {@code GET /models}, {@code GET /clients} and
 * {@code GET /providers} (provider types, the values of the {@code provider:} term). A member sees the values of
 * their own interceptions only. Provider management stays at {@code /api/v2/providers}.
 */
public final class FilterValuesService implements HttpService {
    private final AuditAccess access;
    private final FilterValueReads values;

    FilterValuesService(AuditAccess access, FilterValueReads values) {
        this.access = access;
        this.values = values;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/models", (req, res) -> send(req, res, FilterValues.Kind.MODEL))
                .get("/clients", (req, res) -> send(req, res, FilterValues.Kind.CLIENT))
                .get("/providers", (req, res) -> send(req, res, FilterValues.Kind.PROVIDER));
    }

    private void send(ServerRequest req, ServerResponse res, FilterValues.Kind kind) {
        Caller caller = access.caller(req);
        JsonResponses.send(res, values.distinct(kind, access.onlyOwn(caller)));
    }
}
