package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.Dashboard;
import dev.aigw.testkit.PrometheusText;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Known traffic through a real gateway, then its {@code /metrics} scraped over HTTP: names, labels and values, and
 * the gateway metrics the Grafana dashboard queries.
 */
@ExtendWith(RealStack.class)
class MetricsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OVERHEAD = "X-AI-Gateway-Overhead-Ms";
    // Queried by the dashboard, absent here: no tool is injected yet.
    private static final Set<String> NOT_YET_SERVED = Set.of("coder_ai_gateway_injected_tool_invocations_total");

    private static LiveGateway gateway;
    private static FakeUpstream upstream;

    @BeforeAll
    static void start() {
        gateway = LiveGateway.start(Map.of("CODER_AI_GATEWAY_METRICS_PER_PERSON_LABELS", "true"));
        upstream = gateway.upstream();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void shouldCountKnownTrafficWithTheReferenceNamesAndLabelsAndNoCredential() throws Exception {
        upstream.replay(Txtar.fixture("anthropic/simple.txtar"));
        long asked = System.nanoTime();
        HttpResponse<String> claude = gateway.send(HttpRequest.newBuilder(gateway.bridge("/anthropic/v1/messages"))
                .header("Authorization", "Bearer " + gateway.admin())
                .header("User-Agent", "claude-cli/2.0.1 (external, cli)")
                .POST(HttpRequest.BodyPublishers.ofString(request("anthropic/simple.txtar", false))));
        double claudeMillis = (System.nanoTime() - asked) / 1e6;
        HttpResponse<String> streamed = chat("openai/chatcompletions/simple.txtar", true);
        HttpResponse<String> tool = chat("openai/chatcompletions/single_builtin_tool.txtar", false);
        HttpResponse<String> refused = chat("openai/chatcompletions/non_stream_error.txtar", false);
        upstream.replay(Txtar.fixture("openai/chatcompletions/fallthrough.txtar"));
        HttpResponse<String> models = gateway.send(HttpRequest.newBuilder(gateway.bridge("/openai/v1/models/gpt-4.1"))
                .header("Authorization", "Bearer " + gateway.admin()).GET());
        HttpResponse<String> anonymous = gateway.send(HttpRequest.newBuilder(gateway.bridge("/openai/v1/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        // The meters of an interception close after its last byte went out, so the client may read before them.
        PrometheusText m = RealStack.await(Duration.ofSeconds(10), () -> {
            PrometheusText text = scrape();
            return text.sum("coder_ai_gateway_interceptions_total") == 4 ? text : null;
        });
        assertThat(m.samples("coder_ai_gateway_interceptions_total", "provider", "anthropic")).singleElement()
                .satisfies(s -> assertThat(s.labels()).isEqualTo(Map.of("provider", "anthropic",
                        "model", "claude-sonnet-4-0", "route", "/v1/messages", "method", "POST", "status", "completed",
                        "client", "Claude Code", "initiator_id", "admin")));
        assertThat(m.sum("coder_ai_gateway_interceptions_total", "provider", "openai", "model", "gpt-4.1",
                "route", "/chat/completions", "status", "completed")).isEqualTo(2);
        assertThat(m.sum("coder_ai_gateway_interceptions_total", "provider", "openai", "status", "failed")).isEqualTo(1);
        assertThat(m.sum("coder_ai_gateway_interceptions_inflight")).isZero();
        assertThat(m.sum("coder_ai_gateway_interceptions_duration_seconds_count", "provider", "openai")).isEqualTo(3);
        assertThat(m.sum("coder_ai_gateway_prompts_total", "provider", "anthropic", "client", "Claude Code",
                "initiator_id", "admin")).isEqualTo(1);
        assertThat(m.sum("coder_ai_gateway_tokens_total", "provider", "anthropic", "type", "input")).isEqualTo(18);
        assertThat(m.sum("coder_ai_gateway_tokens_total", "provider", "anthropic", "type", "output")).isEqualTo(254);
        assertThat(m.sum("coder_ai_gateway_tokens_total", "provider", "openai", "type", "output"))
                .isEqualTo(238 + outputTokens("openai/chatcompletions/single_builtin_tool.txtar"));
        assertThat(m.sum("coder_ai_gateway_non_injected_tool_selections_total", "provider", "openai", "model", "gpt-4.1",
                "name", "read_file")).isEqualTo(1);
        assertThat(m.sum("coder_ai_gateway_passthrough_total", "provider", "openai", "route", "/models/.+", "method", "GET"))
                .isEqualTo(1);
        assertThat(m.sum("coder_ai_gateway_time_to_first_byte_seconds_count", "provider", "openai", "streaming", "true"))
                .isEqualTo(1);
        assertThat(m.sum("coder_ai_gateway_time_to_first_byte_seconds_count")).isEqualTo(5);
        assertThat(m.sum("coder_ai_gateway_overhead_seconds_count")).isEqualTo(5);
        for (HttpResponse<String> proxied : new HttpResponse[] {claude, streamed, tool, refused, models}) {
            assertThat(proxied.headers().firstValue(OVERHEAD)).hasValueSatisfying(v -> assertThat(v).matches("\\d+\\.\\d{3}"));
        }
        assertThat(Double.parseDouble(claude.headers().firstValue(OVERHEAD).orElseThrow())).isLessThan(claudeMillis);
        assertThat(anonymous.headers().firstValue(OVERHEAD)).isEmpty();
        assertThat(gateway.send(HttpRequest.newBuilder(gateway.root().resolve("/metrics")).GET()).body())
                .doesNotContain(gateway.admin(), LiveGateway.ANTHROPIC_KEY, LiveGateway.OPENAI_KEY);
        assertThat(m.names()).containsAll(Dashboard.metricNames().stream()
                .filter(name -> name.startsWith("coder_ai_gateway_") && !name.startsWith("coder_ai_gateway_recorder_")
                        && !name.startsWith("coder_ai_gateway_query_") && !NOT_YET_SERVED.contains(name))
                .toList());
    }

    private static PrometheusText scrape() {
        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.root().resolve("/metrics")).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return PrometheusText.parse(answer.body());
    }

    private static HttpResponse<String> chat(String fixture, boolean stream) {
        upstream.replay(Txtar.fixture(fixture));
        return gateway.post("/openai/v1/chat/completions", request(fixture, stream));
    }

    private static long outputTokens(String fixture) throws IOException {
        String answer = Txtar.fixture(fixture).required("non-streaming");
        return JSON.readTree(answer.substring(answer.indexOf('{'))).path("usage").path("completion_tokens").asLong();
    }

    private static String request(String fixture, boolean stream) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Txtar.fixture(fixture).required("request"));
            return body.put("stream", stream).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
