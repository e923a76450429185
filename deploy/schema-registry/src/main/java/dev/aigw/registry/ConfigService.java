package dev.aigw.registry;

import java.util.Map;
import java.util.Optional;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /config}: the global and per-subject compatibility levels. */
final class ConfigService implements HttpService {
    private final SchemaRegistry registry;

    ConfigService(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::getGlobal)
                .put("/", this::putGlobal)
                .get("/{subject}", this::getSubject)
                .put("/{subject}", this::putSubject);
    }

    private void getGlobal(ServerRequest req, ServerResponse res) {
        JsonExchange.send(res, level(registry.globalCompatibility()));
    }

    private void putGlobal(ServerRequest req, ServerResponse res) {
        Compatibility compatibility = requested(req);
        registry.setGlobalCompatibility(compatibility);
        JsonExchange.send(res, Map.of("compatibility", compatibility.name()));
    }

    /** As Confluent: 40408 when the subject has no level of its own, unless {@code defaultToGlobal=true}. */
    private void getSubject(ServerRequest req, ServerResponse res) {
        String subject = req.path().pathParameters().get("subject");
        boolean defaultToGlobal = Boolean.parseBoolean(req.query().first("defaultToGlobal").orElse("false"));
        Compatibility compatibility = registry.subjectCompatibility(subject)
                .or(() -> defaultToGlobal ? Optional.of(registry.globalCompatibility()) : Optional.empty())
                .orElseThrow(() -> RegistryException.subjectConfigNotFound(subject));
        JsonExchange.send(res, level(compatibility));
    }

    private void putSubject(ServerRequest req, ServerResponse res) {
        Compatibility compatibility = requested(req);
        registry.setSubjectCompatibility(req.path().pathParameters().get("subject"), compatibility);
        JsonExchange.send(res, Map.of("compatibility", compatibility.name()));
    }

    private static Compatibility requested(ServerRequest req) {
        return Compatibility.parse(JsonExchange.text(JsonExchange.body(req), "compatibility"));
    }

    private static Map<String, String> level(Compatibility compatibility) {
        return Map.of("compatibilityLevel", compatibility.name());
    }
}
