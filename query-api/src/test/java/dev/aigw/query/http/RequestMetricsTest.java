package dev.aigw.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.metrics.ServiceMetrics;
import dev.aigw.testkit.PrometheusText;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filter on a real server: requests timed by route pattern, method and the status actually sent. */
class RequestMetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ServiceMetrics metrics = ServiceMetrics.create();
    private WebServer server;

    @BeforeEach
    void start() {
        HttpService things = rules -> rules.get("/things/{id}", (req, res) -> {
            if (req.path().pathParameters().get("id").equals("missing")) {
                throw new ApiException(Status.NOT_FOUND_404, "Resource not found.", "no such thing");
            }
            res.send("thing");
        });
        server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> {
                    r.addFilter(new RequestMetrics(metrics.registry())).register("/api", things);
                    ApiErrors.register(r);
                })
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
        metrics.close();
    }

    @Test
    void shouldTimeRequestsByRoutePatternAndTheStatusSentAndAnswer404WhereNoRouteMatches() throws Exception {
        get("/api/things/1");
        get("/api/things/2");
        get("/api/things/missing");
        int unmatched = get("/nowhere");

        assertThat(unmatched).isEqualTo(404);
        String name = "coder_ai_gateway_query_request_seconds_count";
        // A request is recorded once its answer is sent, which may be just after the client has read it.
        PrometheusText text = PrometheusText.parse(metrics.scrape());
        for (int i = 0; i < 50 && text.samples(name).size() < 3; i++) {
            Thread.sleep(20);
            text = PrometheusText.parse(metrics.scrape());
        }
        assertThat(text.samples(name)).extracting(s -> s.labels().get("route") + " " + s.labels().get("status"))
                .containsExactlyInAnyOrder("/api/things/{id} 200", "/api/things/{id} 404", "unmatched 404");
        assertThat(text.sum(name, "route", "/api/things/{id}", "method", "GET", "status", "200")).isEqualTo(2);
        assertThat(text.samples("coder_ai_gateway_query_request_seconds_bucket", "status", "200"))
                .extracting(s -> s.labels().get("le")).contains("0.005", "5.0", "+Inf");
    }

    private int get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
