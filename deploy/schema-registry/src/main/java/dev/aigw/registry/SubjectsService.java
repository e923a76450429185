package dev.aigw.registry;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /subjects}: register, look up and list schema versions. */
final class SubjectsService implements HttpService {
    private final SchemaRegistry registry;

    SubjectsService(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::listSubjects)
                .post("/{subject}/versions", this::register)
                .get("/{subject}/versions", this::listVersions)
                .get("/{subject}/versions/{version}", this::getVersion)
                .post("/{subject}", this::lookup);
    }

    private void listSubjects(ServerRequest req, ServerResponse res) {
        JsonExchange.send(res, registry.subjects());
    }

    private void register(ServerRequest req, ServerResponse res) {
        JsonNode body = JsonExchange.body(req);
        checkAvro(body);
        JsonExchange.send(res, Map.of("id", registry.register(subject(req), JsonExchange.text(body, "schema"))));
    }

    private void lookup(ServerRequest req, ServerResponse res) {
        JsonNode body = JsonExchange.body(req);
        checkAvro(body);
        JsonExchange.send(res, registry.lookup(subject(req), JsonExchange.text(body, "schema")));
    }

    private void listVersions(ServerRequest req, ServerResponse res) {
        JsonExchange.send(res, registry.versions(subject(req)).stream().map(SchemaVersion::version).toList());
    }

    private void getVersion(ServerRequest req, ServerResponse res) {
        JsonExchange.send(res, registry.version(subject(req), req.path().pathParameters().get("version")));
    }

    private static String subject(ServerRequest req) {
        return req.path().pathParameters().get("subject");
    }

    /** Only Avro is implemented; Confluent clients send {@code schemaType} for JSON Schema and Protobuf only. */
    private static void checkAvro(JsonNode body) {
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw RegistryException.invalidSchema("schemaType " + type + " is not supported by this registry, only AVRO");
        }
    }
}
