package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.Txtar;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Providers with several keys: a key the provider rate-limits or refuses is skipped for the next, and left out of
 * later calls; when no key is left the gateway answers itself without calling the provider.
 */
@ExtendWith(RealStack.class)
class KeyFailoverIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = Txtar.fixture("anthropic/simple.txtar").required("non-streaming");
    private static final String PROMPT = "{\"model\":\"claude-sonnet-4-0\",\"max_tokens\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final List<String> KEYS_SEEN = new CopyOnWriteArrayList<>();

    private static HttpServer provider;
    private static LiveGateway gateway;

    @BeforeAll
    static void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", KeyFailoverIT::answerByKey);
        provider.start();
        String base = "http://127.0.0.1:" + provider.getAddress().getPort();
        gateway = LiveGateway.start(Map.of(
                "CODER_AI_GATEWAY_PROVIDER_3_TYPE", "anthropic",
                "CODER_AI_GATEWAY_PROVIDER_3_NAME", "pooled",
                "CODER_AI_GATEWAY_PROVIDER_3_BASE_URL", base,
                "CODER_AI_GATEWAY_PROVIDER_3_KEYS", "sk-limited-aaaa1111, sk-refused-bbbb2222, sk-working-cccc3333",
                "CODER_AI_GATEWAY_PROVIDER_4_TYPE", "anthropic",
                "CODER_AI_GATEWAY_PROVIDER_4_NAME", "spent",
                "CODER_AI_GATEWAY_PROVIDER_4_BASE_URL", base,
                "CODER_AI_GATEWAY_PROVIDER_4_KEYS", "sk-limited-dddd4444,sk-limited-eeee5555"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        provider.stop(0);
    }

    @BeforeEach
    void forget() {
        KEYS_SEEN.clear();
    }

    @Test
    void shouldFailOverPastRateLimitedAndRefusedKeysAndRememberThem() throws IOException {
        HttpResponse<String> first = gateway.post("/pooled/v1/messages", PROMPT);
        List<String> firstKeys = List.copyOf(KEYS_SEEN);
        KEYS_SEEN.clear();
        HttpResponse<String> second = gateway.post("/pooled/v1/messages", PROMPT);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree(ANSWER));
        assertThat(firstKeys).containsExactly("sk-limited-aaaa1111", "sk-refused-bbbb2222", "sk-working-cccc3333");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(KEYS_SEEN).containsExactly("sk-working-cccc3333");
        InterceptionStarted started = (InterceptionStarted) gateway.eventsOf(second).getFirst();
        assertThat(started.getCredentialHint()).isEqualTo("sk...33");
    }

    @Test
    void shouldRelayTheLastRefusalThenAnswer429ItselfWhileEveryKeyCoolsDown() throws IOException {
        HttpResponse<String> relayed = gateway.post("/spent/v1/messages", PROMPT);
        HttpResponse<String> ownAnswer = gateway.post("/spent/v1/messages", PROMPT);

        assertThat(relayed.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(relayed.body()).path("error").path("message").asText()).isEqualTo("slow down");
        assertThat(ownAnswer.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(ownAnswer.body()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(ownAnswer.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(100L, 120L));
        assertThat(KEYS_SEEN).containsExactly("sk-limited-dddd4444", "sk-limited-eeee5555");
    }

    @Test
    void shouldNeverFailOverAPersonsOwnKey() {
        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.bridge("/pooled/v1/messages"))
                .header("X-Coder-AI-Governance-Token", gateway.admin())
                .header("X-Api-Key", "sk-limited-persons-own")
                .POST(HttpRequest.BodyPublishers.ofString(PROMPT)));

        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(KEYS_SEEN).containsExactly("sk-limited-persons-own");
    }

    private static void answerByKey(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        KEYS_SEEN.add(key);
        if (key.startsWith("sk-limited")) {
            exchange.getResponseHeaders().add("Retry-After", "120");
            send(exchange, 429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");
        } else if (key.startsWith("sk-refused")) {
            send(exchange, 401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"bad key\"}}");
        } else {
            send(exchange, 200, ANSWER);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
