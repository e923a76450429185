package dev.aigw.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.query.http.AdminAuth;
import dev.aigw.query.http.AuditVerifyService;
import dev.aigw.query.http.AuditViews;
import dev.aigw.query.http.KeysService;
import dev.aigw.query.http.OpenApiService;
import dev.aigw.query.http.ProvidersService;
import dev.aigw.query.store.ChainReads;
import dev.aigw.query.config.QueryConfig;
import dev.aigw.control.MasterKey;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The static OpenAPI document describes exactly the routes the server mounts. */
class OpenApiDocumentTest {
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void shouldDescribeEveryMountedRouteAndNoOther() throws IOException {
        JsonNode doc = document();

        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(documented(doc)).isEqualTo(mounted());
    }

    @Test
    void shouldResolveEverySchemaReference() throws IOException {
        JsonNode doc = document();
        List<String> refs = doc.findValuesAsText("$ref");

        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(doc.at(ref.substring(1).replace("~1", "/")).isMissingNode())
                .as(ref).isFalse());
    }

    /** "GET /path" of every route the server mounts, found by running its routing against a recording builder. */
    private static Set<String> mounted() {
        Set<String> routes = new TreeSet<>();
        // No statement runs while routes are listed, so the stores get a session that prepares nothing.
        CqlSession noSession = (CqlSession) Proxy.newProxyInstance(CqlSession.class.getClassLoader(),
                new Class<?>[] {CqlSession.class}, (proxy, method, args) -> null);
        AdminAuth auth = new AdminAuth(Optional.empty(), id -> Optional.empty(), Clock.systemUTC());
        QueryConfig config = QueryConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate()));
        List<HttpService> audit = AuditViews.create(config, auth, List::of, noSession, Clock.systemUTC());
        QueryApi.routing(recorder("", routes), audit,
                List.of(new KeysService(null, auth, Clock.systemUTC(), config.keyMaxLifetime()),
                        new ProvidersService(null, auth),
                        new AuditVerifyService(auth, Optional.empty(), new ChainReads(noSession, "audit"), Clock.systemUTC())));
        return routes;
    }

    private static HttpRouting.Builder recorder(String prefix, Set<String> routes) {
        return (HttpRouting.Builder) Proxy.newProxyInstance(HttpRouting.Builder.class.getClassLoader(),
                new Class<?>[] {HttpRouting.Builder.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (VERBS.contains(name) && args.length == 2 && args[0] instanceof String path) {
                        routes.add(name.toUpperCase(Locale.ROOT) + " " + prefix + path);
                    } else if (name.equals("register") && args.length == 2 && args[0] instanceof String path) {
                        for (HttpService service : (HttpService[]) args[1]) {
                            service.routing(recorder(prefix + path, routes));
                        }
                    } else if (name.equals("register") && args.length == 1 && args[0] instanceof HttpService[] services) {
                        for (HttpService service : services) {
                            service.routing(recorder(prefix, routes));
                        }
                    } else if (!name.equals("error") && !name.equals("addFilter")) {
                        throw new AssertionError("routing uses " + method + ", which this test does not record");
                    }
                    return proxy;
                });
    }

    /** "GET /path" of every operation in the document, health endpoints (a Helidon feature, not a route) aside. */
    private static Set<String> documented(JsonNode doc) {
        Set<String> routes = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> {
            JsonNode item = path.getValue().has("$ref") ? doc.at(path.getValue().path("$ref").asText().substring(1))
                    : path.getValue();
            item.properties().stream().filter(op -> VERBS.contains(op.getKey()))
                    .forEach(op -> routes.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
        });
        routes.removeIf(route -> route.startsWith("GET /health"));
        return routes;
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiService.class.getResourceAsStream(OpenApiService.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
