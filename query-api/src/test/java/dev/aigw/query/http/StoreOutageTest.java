package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cassandra without a quorum, as the API's error handlers answer it on a real server: 503 with a message. */
class StoreOutageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final UnavailableException UNAVAILABLE =
            new UnavailableException(null, DefaultConsistencyLevel.LOCAL_QUORUM, 2, 1);

    private WebServer server;

    @BeforeEach
    void start() {
        HttpService failing = rules -> rules
                .get("/unavailable", (req, res) -> {
                    throw UNAVAILABLE;
                })
                // As a driver future's join() throws it.
                .get("/wrapped", (req, res) -> {
                    throw new CompletionException(new ReadTimeoutException(null, DefaultConsistencyLevel.LOCAL_QUORUM,
                            1, 2, false));
                })
                .get("/no-node", (req, res) -> {
                    throw NoNodeAvailableException.fromErrors(Map.of());
                })
                .get("/invalid", (req, res) -> {
                    throw new InvalidQueryException(null, "bad");
                })
                // An export that failed before its first flush: the rows written so far must not go out as a whole.
                .get("/half-export", (req, res) -> {
                    Writer out = new BufferedWriter(new OutputStreamWriter(res.outputStream(), StandardCharsets.UTF_8));
                    out.write("{\"interception_id\":\"a\"}\n");
                    throw UNAVAILABLE;
                });
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> {
                    r.register("/api", failing);
                    ApiErrors.register(r);
                })
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndAMessageWhenTooFewReplicasAreAlive() throws Exception {
        HttpResponse<String> response = get("/api/unavailable");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.get("message").asText()).isEqualTo("Audit store unavailable.");
        assertThat(body.get("detail").asText()).contains("UnavailableException").contains("try again later");
        assertThat(body.properties()).hasSize(2);
    }

    @Test
    void shouldAnswer503ForATimeoutWrappedByAFutureAndForNoReachableNode() throws Exception {
        for (String path : List.of("/api/wrapped", "/api/no-node", "/api/half-export")) {
            HttpResponse<String> response = get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.body()).as(path).contains("Audit store unavailable.").doesNotContain("interception_id");
        }
    }

    @Test
    void shouldKeep500ForADriverErrorThatIsOurFault() throws Exception {
        HttpResponse<String> response = get("/api/invalid");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void shouldTellOutagesFromOtherFailures() {
        assertThat(ApiErrors.storeOutage(new IllegalStateException(UNAVAILABLE))).contains(UNAVAILABLE);
        assertThat(ApiErrors.storeOutage(AllNodesFailedException.fromErrors(List.of()))).isPresent();
        assertThat(ApiErrors.storeOutage(new IllegalStateException("x"))).isEmpty();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
