package dev.aigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.registry.RegistryConfig;
import dev.aigw.registry.SchemaRegistryServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dev schema registry over HTTP against the real broker, each test on a topic of its own. */
@ExtendWith(RealStack.class)
class SchemaRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = record("");
    private static final String V2 = record(", {\"name\": \"n\", \"type\": \"int\", \"default\": 0}");
    /** Adds a field without a default to V2, so it cannot read data written with V2. */
    private static final String V3_NO_DEFAULT = record(", {\"name\": \"n\", \"type\": \"int\", \"default\": 0},"
            + " {\"name\": \"m\", \"type\": \"string\"}");

    private final String topic = RealStack.unique("schemas");
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SchemaRegistryServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(SchemaRegistryServer::close);
        http.close();
    }

    @Test
    void shouldServeTheConfluentSubsetOverKafka() throws Exception {
        URI registry = start();

        int id = register(registry, "orders-value", V1);
        assertThat(register(registry, "orders-value", V1)).isEqualTo(id);
        assertThat(register(registry, "audit-value", V1)).isEqualTo(id);
        int id2 = register(registry, "orders-value", V2);
        assertThat(id2).isNotEqualTo(id);

        JsonNode found = ok(send(registry, "POST", "/subjects/orders-value", schemaBody(V1)));
        assertThat(found.get("version").asInt()).isEqualTo(1);
        assertThat(found.get("id").asInt()).isEqualTo(id);
        assertThat(ok(send(registry, "GET", "/subjects/orders-value/versions", null))).isEqualTo(JSON.readTree("[1, 2]"));
        assertThat(ok(send(registry, "GET", "/subjects/orders-value/versions/latest", null)).get("id").asInt()).isEqualTo(id2);
        assertThat(ok(send(registry, "GET", "/subjects", null))).isEqualTo(JSON.readTree("[\"audit-value\", \"orders-value\"]"));
        assertThat(JSON.readTree(ok(send(registry, "GET", "/schemas/ids/" + id2, null)).get("schema").asText()))
                .isEqualTo(JSON.readTree(V2));

        HttpResponse<String> incompatible = send(registry, "POST", "/subjects/orders-value/versions", schemaBody(V3_NO_DEFAULT));
        assertThat(incompatible.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(incompatible.body()).get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema");
        assertThat(send(registry, "GET", "/schemas/ids/999", null).statusCode()).isEqualTo(404);

        ok(send(registry, "PUT", "/config/orders-value", "{\"compatibility\": \"NONE\"}"));
        assertThat(ok(send(registry, "GET", "/config/orders-value", null)).get("compatibilityLevel").asText()).isEqualTo("NONE");
        assertThat(ok(send(registry, "GET", "/config", null)).get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(register(registry, "orders-value", V3_NO_DEFAULT)).isGreaterThan(id2);
        assertThat(send(registry, "GET", "/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldCreateTheTopicCompactedWithOnePartition() throws Exception {
        start();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
    }

    @Test
    void shouldKeepIdsVersionsAndConfigAcrossARestart() throws Exception {
        URI first = start();
        int id1 = register(first, "s", V1);
        int id2 = register(first, "s", V2);
        ok(send(first, "PUT", "/config", "{\"compatibility\": \"FULL\"}"));
        servers.removeFirst().close();

        URI restarted = start();

        assertThat(ok(send(restarted, "GET", "/subjects/s/versions", null))).isEqualTo(JSON.readTree("[1, 2]"));
        assertThat(JSON.readTree(ok(send(restarted, "GET", "/schemas/ids/" + id1, null)).get("schema").asText()))
                .isEqualTo(JSON.readTree(V1));
        assertThat(register(restarted, "s", V2)).isEqualTo(id2);
        assertThat(register(restarted, "t", V1)).isEqualTo(id1);
        assertThat(ok(send(restarted, "GET", "/config", null)).get("compatibilityLevel").asText()).isEqualTo("FULL");
    }

    @Test
    void shouldAgreeBetweenTwoInstancesOnOneTopic() throws Exception {
        URI a = start();
        URI b = start();

        int id = register(a, "s", V1);
        // B answers at once: a miss makes it catch up with the topic before saying 404.
        assertThat(ok(send(b, "GET", "/schemas/ids/" + id, null)).get("schema").isTextual()).isTrue();
        assertThat(register(b, "s", V1)).isEqualTo(id);
        ok(send(a, "PUT", "/config/race", "{\"compatibility\": \"NONE\"}"));

        Map<String, Integer> idsBySchema = new HashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            Map<String, Future<Integer>> pending = new HashMap<>();
            for (int i = 0; i < 16; i++) {
                String schema = "{\"type\": \"fixed\", \"name\": \"F" + i + "\", \"size\": " + (i + 1) + "}";
                URI target = i % 2 == 0 ? a : b;
                pending.put(schema, pool.submit(() -> register(target, "race", schema)));
            }
            for (var entry : pending.entrySet()) {
                idsBySchema.put(entry.getKey(), entry.getValue().get());
            }
        }

        assertThat(new HashSet<>(idsBySchema.values())).hasSize(16).doesNotContain(id);
        for (var entry : idsBySchema.entrySet()) {
            assertThat(register(a, "race", entry.getKey())).isEqualTo(entry.getValue());
            assertThat(register(b, "race", entry.getKey())).isEqualTo(entry.getValue());
        }
        assertThat(ok(send(a, "GET", "/subjects/race/versions", null)))
                .isEqualTo(ok(send(b, "GET", "/subjects/race/versions", null)))
                .hasSize(16);
        for (int version = 1; version <= 16; version++) {
            String path = "/subjects/race/versions/" + version;
            assertThat(ok(send(a, "GET", path, null))).isEqualTo(ok(send(b, "GET", path, null)));
        }
    }

    private URI start() {
        SchemaRegistryServer server = SchemaRegistryServer.start(
                new RegistryConfig("127.0.0.1", 0, RealStack.kafkaBootstrap(), topic));
        servers.add(server);
        return server.url();
    }

    private int register(URI registry, String subject, String schema) throws IOException, InterruptedException {
        return ok(send(registry, "POST", "/subjects/" + subject + "/versions", schemaBody(schema))).get("id").asInt();
    }

    private HttpResponse<String> send(URI registry, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.request().uri() + " -> " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String schemaBody(String schema) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema));
    }

    private static String record(String moreFields) {
        return "{\"type\": \"record\", \"name\": \"Order\", \"namespace\": \"it\","
                + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"}"
                + moreFields + "]}";
    }
}
