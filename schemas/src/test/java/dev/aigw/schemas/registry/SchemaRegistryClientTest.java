package dev.aigw.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {
    private static final Schema ORDER = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "test",
             "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": "long"}]}""");

    private final FakeSchemaRegistry registry = FakeSchemaRegistry.start(41);
    private final SchemaRegistryClient client = SchemaRegistryClient.builder(registry.url())
            .retryBackoff(Duration.ofMillis(1))
            .maxAttempts(3)
            .build();

    @AfterEach
    void stop() {
        client.close();
        registry.close();
    }

    @Test
    void shouldPostTheSchemaAsConfluentJsonAndReturnTheId() throws Exception {
        int id = client.register("orders-value", ORDER);

        assertThat(id).isEqualTo(41);
        FakeSchemaRegistry.Request request = registry.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subjects/orders-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(new ObjectMapper().readTree(request.body()).get("schema").asText()).isEqualTo(ORDER.toString());
    }

    @Test
    void shouldEncodeTheSubjectAsOnePathSegment() {
        client.register("odd subject/x", ORDER);

        assertThat(registry.requests().getFirst().path()).isEqualTo("/subjects/odd%20subject%2Fx/versions");
    }

    @Test
    void shouldRegisterOnceWhenTheSameSubjectAndSchemaAreRegisteredAgainConcurrently() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> ids = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> client.register("orders-value",
                            new Schema.Parser().parse(ORDER.toString()))))
                    .toList();
            for (Future<Integer> id : ids) {
                assertThat(id.get()).isEqualTo(41);
            }
        }

        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldAskAgainForAnotherSubject() {
        assertThat(client.register("a-value", ORDER)).isEqualTo(41);
        assertThat(client.register("b-value", ORDER)).isEqualTo(41);

        assertThat(registry.requests()).extracting(FakeSchemaRegistry.Request::path)
                .containsExactly("/subjects/a-value/versions", "/subjects/b-value/versions");
    }

    @Test
    void shouldFetchASchemaByIdOnce() {
        registry.preload(7, ORDER);

        assertThat(client.schemaById(7)).isEqualTo(ORDER);
        assertThat(client.schemaById(7)).isEqualTo(ORDER);

        assertThat(registry.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("GET /schemas/ids/7");
    }

    @Test
    void shouldRetryServerErrorsAndTooManyRequests() {
        registry.failNext(503, "{\"error_code\": 50003, \"message\": \"forwarding failed\"}");
        registry.failNext(429, "slow down");

        assertThat(client.register("orders-value", ORDER)).isEqualTo(41);
        assertThat(registry.requests()).hasSize(3);
    }

    @Test
    void shouldNameUrlIdStatusAndRegistryMessageWhenNotFoundWithoutRetrying() {
        assertThatThrownBy(() -> client.schemaById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(404);
                    assertThat(e.errorCode()).hasValue(40403);
                })
                .hasMessageContaining("GET " + registry.url() + "/schemas/ids/99")
                .hasMessageContaining("schema id 99")
                .hasMessageContaining("HTTP 404, error_code 40403: Schema 99 not found");
        assertThat(registry.requests()).hasSize(1);
    }

    @Test
    void shouldGiveUpAfterMaxAttemptsAndNotCacheTheFailure() {
        for (int i = 0; i < 3; i++) {
            registry.failNext(500, "{\"error_code\": 50001, \"message\": \"Error in the backend data store\"}");
        }

        assertThatThrownBy(() -> client.register("orders-value", ORDER))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("subject orders-value")
                .hasMessageContaining("after 3 attempts: HTTP 500, error_code 50001: Error in the backend data store");
        assertThat(client.register("orders-value", ORDER)).isEqualTo(41);
        assertThat(registry.requests()).hasSize(4);
    }

    @Test
    void shouldReportAnUnreachableRegistryAfterRetrying() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort);
        try (SchemaRegistryClient unreachable = SchemaRegistryClient.builder(url)
                .retryBackoff(Duration.ZERO)
                .maxAttempts(2)
                .build()) {
            assertThatThrownBy(() -> unreachable.schemaById(1))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEmpty())
                    .hasMessageContaining(url + "/schemas/ids/1")
                    .hasMessageContaining("after 2 attempts")
                    .hasMessageContaining("ConnectException");
        }
    }
}
