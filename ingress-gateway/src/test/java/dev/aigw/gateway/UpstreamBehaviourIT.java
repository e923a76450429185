package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How the gateway talks to providers: headers that must or must not cross, and providers that are slow, stall,
 * cannot be reached, or outlive their client. Slow providers are a small local server; timeouts are set to a second.
 */
@ExtendWith(RealStack.class)
class UpstreamBehaviourIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "{\"model\":\"claude-sonnet-4-0\",\"max_tokens\":5,\"stream\":%s,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private static HttpServer slow;
    private static final CompletableFuture<Throwable> DRIP_ENDED = new CompletableFuture<>();
    private static LiveGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slow.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slow.createContext("/late/", exchange -> {
            sleep(3000);
            answer(exchange, "{}");
        });
        slow.createContext("/stall/", exchange -> sse(exchange, 1, 5000));
        slow.createContext("/drip/", exchange -> {
            try {
                sse(exchange, 200, 50);
                DRIP_ENDED.complete(null);
            } catch (IOException e) {
                DRIP_ENDED.complete(e);
            }
        });
        slow.start();
        String base = "http://127.0.0.1:" + slow.getAddress().getPort();
        gateway = LiveGateway.start(Map.ofEntries(
                Map.entry("CODER_AI_GATEWAY_SEND_ACTOR_HEADERS", "true"),
                Map.entry("CODER_AI_GATEWAY_UPSTREAM_FIRST_BYTE_TIMEOUT", "1s"),
                Map.entry("CODER_AI_GATEWAY_UPSTREAM_IDLE_TIMEOUT", "1s"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_3_TYPE", "anthropic"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_3_NAME", "late"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_3_BASE_URL", base + "/late"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_4_TYPE", "anthropic"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_4_NAME", "stall"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_4_BASE_URL", base + "/stall"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_5_TYPE", "anthropic"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_5_NAME", "drip"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_5_BASE_URL", base + "/drip"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_6_TYPE", "anthropic"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_6_NAME", "gone"),
                Map.entry("CODER_AI_GATEWAY_PROVIDER_6_BASE_URL", "http://127.0.0.1:" + closedPort())));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        slow.stop(0);
    }

    @Test
    void shouldSendActorHeadersOnlyFromTheGatewayAndOnlyOnInterceptedRoutes() {
        FakeUpstream upstream = gateway.upstream();
        upstream.replay(Txtar.fixture("anthropic/simple.txtar"));

        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.bridge("/anthropic/v1/messages?beta=true"))
                .header("Authorization", "Bearer " + gateway.admin())
                .header("X-AI-Bridge-Actor-ID", "someone-else")
                .header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "interleaved-thinking-2025-05-14,  context-management-2025-06-27")
                .POST(HttpRequest.BodyPublishers.ofString(PROMPT.formatted(false))));
        FakeUpstream.Received sent = upstream.received().getLast();
        gateway.send(HttpRequest.newBuilder(gateway.bridge("/anthropic/v1/models"))
                .header("Authorization", "Bearer " + gateway.admin()).GET());
        FakeUpstream.Received passthrough = upstream.received().getLast();

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(sent.uri().toString()).isEqualTo("/v1/messages?beta=true");
        assertThat(sent.headers().get("X-ai-bridge-actor-id")).containsExactly("admin");
        assertThat(sent.header("X-AI-Bridge-Actor-Metadata-Username")).isEqualTo("admin");
        assertThat(sent.headers().get("Anthropic-beta"))
                .containsExactly("interleaved-thinking-2025-05-14,  context-management-2025-06-27");
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("X-Api-Key")).isEqualTo(LiveGateway.ANTHROPIC_KEY);
        assertThat(sent.header("Authorization")).isNull();
        assertThat(passthrough.uri().getPath()).isEqualTo("/v1/models");
        assertThat(passthrough.header("X-AI-Bridge-Actor-ID")).isNull();
    }

    @Test
    void shouldCallCopilotWithThePersonsTokenAndItsEditorHeaders() throws IOException {
        FakeUpstream upstream = gateway.upstream();
        upstream.replay(Txtar.fixture("openai/chatcompletions/simple.txtar"));
        ObjectNode body = (ObjectNode) JSON.readTree(Txtar.fixture("openai/chatcompletions/simple.txtar").required("request"));

        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.bridge("/copilot/chat/completions"))
                .header("X-Coder-AI-Governance-Token", gateway.admin())
                .header("Authorization", "Bearer ghu_persons_copilot_token_123456")
                .header("Editor-Version", "vscode/1.99.0")
                .header("Copilot-Integration-Id", "vscode-chat")
                .header("User-Agent", "GitHubCopilotChat/0.26.0")
                .POST(HttpRequest.BodyPublishers.ofString(body.put("stream", false).toString())));
        HttpResponse<String> centralized = gateway.post("/copilot/chat/completions", body.toString());

        assertThat(answer.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(sent.uri().getPath()).isEqualTo("/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer ghu_persons_copilot_token_123456");
        assertThat(sent.header("Editor-Version")).isEqualTo("vscode/1.99.0");
        assertThat(sent.header("Copilot-Integration-Id")).isEqualTo("vscode-chat");
        assertThat(sent.header("X-Coder-AI-Governance-Token")).isNull();
        InterceptionStarted started = (InterceptionStarted) gateway.eventsOf(answer).getFirst();
        assertThat(started.getProviderName()).isEqualTo("copilot");
        assertThat(started.getCredentialHint()).doesNotContain("persons_copilot");
        assertThat(centralized.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldEndAsFailedWhenTheProviderSendsNoHeadersInTime() throws IOException {
        HttpResponse<String> answer = gateway.post("/late/v1/messages", PROMPT.formatted(false));

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(JSON.readTree(answer.body()).path("error").path("message").asText())
                .isEqualTo("no response from the provider within 1s");
        InterceptionEnded ended = (InterceptionEnded) gateway.eventsOf(answer).getLast();
        assertThat(ended.getStatus()).isEqualTo(InterceptionStatus.FAILED);
        assertThat(ended.getErrorType()).isEqualTo("upstream_timeout");
    }

    @Test
    void shouldTellAStreamingClientAndEndAsFailedWhenTheStreamStalls() {
        HttpResponse<String> answer = gateway.post("/stall/v1/messages", PROMPT.formatted(true));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("event: ping\n")
                .endsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                        + "\"message\":\"the provider sent nothing for 1s\"}}\n\n");
        InterceptionEnded ended = (InterceptionEnded) gateway.eventsOf(answer).getLast();
        assertThat(ended.getStatus()).isEqualTo(InterceptionStatus.FAILED);
        assertThat(ended.getErrorType()).isEqualTo("upstream_idle_timeout");
    }

    @Test
    void shouldCancelTheProviderCallAndEndAsCancelledWhenTheClientGoesAway() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(gateway.bridge("/drip/v1/messages"))
                .header("Authorization", "Bearer " + gateway.admin())
                .POST(HttpRequest.BodyPublishers.ofString(PROMPT.formatted(true))).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("event: ping");
        }
        client.close();

        assertThat(DRIP_ENDED.get(8, TimeUnit.SECONDS)).as("the provider's stream was cut").isInstanceOf(IOException.class);
        InterceptionEnded ended = (InterceptionEnded) gateway.eventsOf(
                answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow()).getLast();
        assertThat(ended.getStatus()).isEqualTo(InterceptionStatus.CANCELLED);
    }

    @Test
    void shouldAnswer502AndEndAsFailedWhenTheProviderCannotBeReached() throws IOException {
        HttpResponse<String> answer = gateway.post("/gone/v1/messages", PROMPT.formatted(false));

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(JSON.readTree(answer.body()).path("type").asText()).isEqualTo("error");
        assertThat(((InterceptionEnded) gateway.eventsOf(answer).getLast()).getErrorType()).isEqualTo("upstream_unreachable");
    }

    private static void sse(HttpExchange exchange, int events, long pauseMillis) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < events; i++) {
                out.write("event: ping\ndata: {\"type\":\"ping\"}\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(pauseMillis);
            }
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
