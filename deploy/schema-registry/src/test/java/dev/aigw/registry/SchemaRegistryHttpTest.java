package dev.aigw.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST surface over an in-memory log; the same surface over Kafka is covered by the test kit's SchemaRegistryIT. */
class SchemaRegistryHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "{\"type\": \"record\", \"name\": \"R\","
            + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"}]}";
    private static final String V2_NO_DEFAULT = "{\"type\": \"record\", \"name\": \"R\","
            + " \"fields\": [{\"name\": \"id\", \"type\": \"string\"},"
            + " {\"name\": \"n\", \"type\": \"int\"}]}";

    private final RegistryState state = new RegistryState();
    private final SchemaRegistryServer server = SchemaRegistryServer.serve(
            new RegistryConfig("127.0.0.1", 0, "unused:9092", "unused"), state, new InMemorySchemaLog(state));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void shouldRegisterLookUpAndListInConfluentShapes() throws Exception {
        HttpResponse<String> registered = send("POST", "/subjects/orders-value/versions", schemaBody(V1));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.headers().firstValue("Content-Type")).hasValue("application/vnd.schemaregistry.v1+json");
        assertThat(json(registered)).isEqualTo(JSON.readTree("{\"id\": 1}"));
        assertThat(json(send("POST", "/subjects/orders-value/versions", schemaBody(V1)))).isEqualTo(JSON.readTree("{\"id\": 1}"));

        String canonical = JSON.readTree(send("GET", "/schemas/ids/1", null).body()).get("schema").asText();
        assertThat(JSON.readTree(canonical)).isEqualTo(JSON.readTree(V1));
        JsonNode expectedVersion = JSON.createObjectNode()
                .put("subject", "orders-value").put("version", 1).put("id", 1).put("schema", canonical);
        assertThat(json(send("POST", "/subjects/orders-value", schemaBody(V1)))).isEqualTo(expectedVersion);
        assertThat(json(send("GET", "/subjects/orders-value/versions/latest", null))).isEqualTo(expectedVersion);
        assertThat(json(send("GET", "/subjects/orders-value/versions/1", null))).isEqualTo(expectedVersion);
        assertThat(json(send("GET", "/subjects/orders-value/versions", null))).isEqualTo(JSON.readTree("[1]"));
        assertThat(json(send("GET", "/subjects", null))).isEqualTo(JSON.readTree("[\"orders-value\"]"));
    }

    @Test
    void shouldAnswerErrorsWithStatusAndConfluentErrorCode() throws Exception {
        send("POST", "/subjects/s/versions", schemaBody(V1));

        assertError(send("GET", "/schemas/ids/9", null), 404, 40403);
        assertError(send("POST", "/subjects/t", schemaBody(V1)), 404, 40401);
        assertError(send("GET", "/subjects/s/versions/2", null), 404, 40402);
        assertError(send("POST", "/subjects/s/versions", schemaBody(V2_NO_DEFAULT)), 409, 409);
        assertError(send("POST", "/subjects/s/versions", schemaBody("{\"type\": \"nope\"}")), 422, 42201);
        assertError(send("POST", "/subjects/s/versions", "{\"schema\": "), 400, 400);
        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(url("/subjects/s/versions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(schemaBody(V1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(wrongType, 415, 415);
    }

    @Test
    void shouldAcceptEveryConfluentMediaType() throws Exception {
        for (String type : new String[] {"application/vnd.schemaregistry+json", "application/json; charset=utf-8"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/subjects/s/versions"))
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(schemaBody(V1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(type).isEqualTo(200);
        }
    }

    @Test
    void shouldReadAndSetCompatibilityLevels() throws Exception {
        assertThat(json(send("GET", "/config", null))).isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"BACKWARD\"}"));
        assertThat(json(send("PUT", "/config", "{\"compatibility\": \"full\"}")))
                .isEqualTo(JSON.readTree("{\"compatibility\": \"FULL\"}"));
        assertThat(json(send("GET", "/config", null))).isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"FULL\"}"));

        assertError(send("GET", "/config/s", null), 404, 40408);
        assertThat(json(send("GET", "/config/s?defaultToGlobal=true", null)))
                .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"FULL\"}"));
        send("PUT", "/config/s", "{\"compatibility\": \"NONE\"}");
        assertThat(json(send("GET", "/config/s", null))).isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"NONE\"}"));
        assertError(send("PUT", "/config/s", "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);

        send("POST", "/subjects/s/versions", schemaBody(V1));
        assertThat(send("POST", "/subjects/s/versions", schemaBody(V2_NO_DEFAULT)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldReportLiveAndReady() throws Exception {
        assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = send("GET", "/health/ready", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("status").asText()).isEqualTo("UP");
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/vnd.schemaregistry.v1+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create(server.url() + path);
    }

    private static String schemaBody(String schema) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().put("schema", schema));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, int errorCode) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error_code").asInt()).isEqualTo(errorCode);
        assertThat(error.get("message").asText()).isNotBlank();
    }
}
