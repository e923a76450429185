package dev.aigw.servicekit.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.servicekit.metrics.ServiceMetrics;
import io.helidon.health.HealthCheckResponse;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicBoolean ready = new AtomicBoolean(true);
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final ServiceMetrics metrics = ServiceMetrics.create();
    private WebServer server;

    @BeforeEach
    void start() {
        metrics.registry().counter("probe_requests").increment(3);
        server = ServiceServer.builder("127.0.0.1", 0, metrics::scrape)
                .readiness("probe", () -> HealthCheckResponse.builder().status(ready.get()).detail("ready", ready.get()).build())
                .liveness("probe", () -> HealthCheckResponse.builder().status(alive.get()).build())
                .routing(r -> r.get("/hello", (req, res) -> res.send("hi")))
                .start();
    }

    @AfterEach
    void stop() {
        server.stop();
        metrics.close();
    }

    @Test
    void shouldAnswerReadinessFromItsChecksWithTheirDetails() throws Exception {
        HttpResponse<String> up = get("/health/ready");
        ready.set(false);
        HttpResponse<String> down = get("/health/ready");

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"probe\"").contains("\"ready\":true");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"ready\":false");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerLivenessFromItsChecksAlone() throws Exception {
        alive.set(false);

        assertThat(get("/health/live").statusCode()).isEqualTo(503);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTheMetricsScrapeInThePrometheusTextFormatBesideTheServicesRoutes() throws Exception {
        HttpResponse<String> scrape = get("/metrics");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue(ServiceMetrics.CONTENT_TYPE);
        assertThat(scrape.body()).contains("probe_requests_total 3.0").contains("jvm_memory_used_bytes");
        assertThat(get("/hello").body()).isEqualTo("hi");
    }

    @Test
    void shouldRefuseToStartWhenTheListenerCannotBind() {
        ServiceServer second = ServiceServer.builder("127.0.0.1", server.port(), metrics::scrape);

        assertThatThrownBy(second::start)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not start");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
