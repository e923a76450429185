package dev.aigw.registry;

import java.util.Map;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /schemas/ids/{id}}: the schema a wire-format payload names. */
final class SchemasService implements HttpService {
    private final SchemaRegistry registry;

    SchemasService(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/ids/{id}", this::getById);
    }

    private void getById(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        int parsed;
        try {
            parsed = Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw RegistryException.badRequest("Schema id must be an integer, got '" + id + "'");
        }
        JsonExchange.send(res, Map.of("schema", registry.schemaById(parsed)));
    }
}
