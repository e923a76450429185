package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.control.v1.KeyEvent;
import dev.aigw.control.v1.KeyIssued;
import dev.aigw.control.v1.KeyRole;
import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.gateway.auth.Authenticator;
import dev.aigw.gateway.config.BridgeConfig;
import dev.aigw.gateway.config.MetricsConfig;
import dev.aigw.gateway.config.ProviderConfig;
import dev.aigw.gateway.config.ProviderType;
import dev.aigw.gateway.config.UpstreamTimeouts;
import dev.aigw.gateway.metrics.GatewayMetrics;
import dev.aigw.gateway.provider.Provider;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.control.GatewayKeys;
import dev.aigw.control.ProviderSettings;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway's HTTP behaviour in process: {@link Gateway#routing} on servers of its own, with events kept in memory
 * and providers played by a {@link FakeUpstream}. Kafka and the control plane are not involved. The servers are shared
 * by the tests (each starts with no calls and no events), since closing the Bedrock clients takes seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANTHROPIC_KEY = "sk-ant-central-route-test";
    private static final String OPENAI_KEY = "sk-openai-central-route-test";
    private static final String COPILOT_TOKEN = "ghu_own-copilot-token";
    private static final String BEDROCK_ACCESS_KEY = "AKIDROUTETEST";
    private static final String BEDROCK_MODEL = "anthropic.claude-sonnet-4-5-20250929-v1:0";
    private static final String MESSAGES = "{\"model\":\"claude-sonnet-4-0\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static final String CHAT = "{\"model\":\"gpt-4.1\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    private static final String RESPONSES = "{\"model\":\"gpt-4.1\",\"input\":\"hello\"}";

    private final FakeUpstream upstream = FakeUpstream.start();
    private final Map<String, KeyEvent> keys = new HashMap<>();
    private final String gatewayKey = issueKey();
    private final List<InterceptionEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final Map<String, Provider> providers = Map.of(
            "anthropic-corp", provider(ProviderType.ANTHROPIC, "anthropic-corp", "/", List.of(ANTHROPIC_KEY)),
            "openai", provider(ProviderType.OPENAI, "openai", "/v1", List.of(OPENAI_KEY)),
            "copilot", provider(ProviderType.COPILOT, "copilot", "", List.of()),
            "bedrock", Provider.of(new ProviderConfig(ProviderType.BEDROCK, "bedrock", upstream.url(""), List.of(),
                    Optional.empty(), Optional.of(new ProviderSettings.Bedrock("us-east-1", Optional.of(BEDROCK_ACCESS_KEY),
                    Optional.of("route-test-secret"), BEDROCK_MODEL, "anthropic.claude-haiku-4-5-20251001-v1:0")))));

    private final AtomicBoolean admitting = new AtomicBoolean(true);
    private final GatewayMetrics metrics = GatewayMetrics.create(new MetricsConfig(false));
    private URI gateway;
    private URI gatewayWithoutByok;

    @BeforeAll
    void startServers() {
        gateway = start(true, metrics);
        gatewayWithoutByok = start(false, GatewayMetrics.create(new MetricsConfig(false)));
    }

    @BeforeEach
    void reset() {
        upstream.clear();
        events.clear();
        admitting.set(true);
    }

    @AfterAll
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
        upstream.close();
    }

    static Stream<Arguments> interceptedRoutes() {
        return Stream.of(
                Arguments.of("aibridge", "anthropic-corp", "anthropic", "/v1/messages", MESSAGES, "/v1/messages"),
                Arguments.of("ai-gateway", "anthropic-corp", "anthropic", "/v1/messages", MESSAGES, "/v1/messages"),
                Arguments.of("aibridge", "openai", "openai", "/v1/chat/completions", CHAT, "/v1/chat/completions"),
                Arguments.of("aibridge", "openai", "openai", "/v1/responses", RESPONSES, "/v1/responses"),
                Arguments.of("aibridge", "copilot", "copilot", "/chat/completions", CHAT, "/chat/completions"),
                Arguments.of("aibridge", "copilot", "copilot", "/responses", RESPONSES, "/responses"),
                Arguments.of("aibridge", "bedrock", "bedrock", "/v1/messages", MESSAGES, "/model/" + BEDROCK_MODEL + "/invoke"));
    }

    @ParameterizedTest
    @MethodSource("interceptedRoutes")
    void shouldInterceptEveryRouteOfEveryKindRecordingItsKindAndInstanceName(String prefix, String provider, String kind,
                                                                              String path, String body,
                                                                              String upstreamPath) throws Exception {
        // Copilot takes the person's own token, with the gateway key in the governance header; the others a central key.
        Map<String, String> headers = kind.equals("copilot")
                ? Map.of("X-Coder-AI-Governance-Token", gatewayKey, "Authorization", "Bearer " + COPILOT_TOKEN)
                : Map.of("Authorization", "Bearer " + gatewayKey);

        HttpResponse<String> answer = post(gateway.resolve("/api/v2/" + prefix + "/" + provider + path), headers, body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("id").asText()).isIn("msg_1", "chatcmpl-1", "resp_1");
        InterceptionStarted started = started(answer);
        assertThat(started.getProvider()).isEqualTo(kind);
        assertThat(started.getProviderName()).isEqualTo(provider);
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(URLDecoder.decode(sent.target(), StandardCharsets.UTF_8)).isEqualTo(upstreamPath);
        assertThat(sent.headers().values().stream().flatMap(List::stream)).noneMatch(v -> v.contains(gatewayKey));
        assertThat(upstreamCredential(kind, sent)).isTrue();
    }

    private static boolean upstreamCredential(String kind, FakeUpstream.Received sent) {
        return switch (kind) {
            case "anthropic" -> ANTHROPIC_KEY.equals(sent.header("x-api-key")) && sent.header("authorization") == null;
            case "openai" -> ("Bearer " + OPENAI_KEY).equals(sent.header("authorization"));
            case "copilot" -> ("Bearer " + COPILOT_TOKEN).equals(sent.header("authorization"));
            case "bedrock" -> sent.header("authorization").startsWith("AWS4-HMAC-SHA256 Credential=" + BEDROCK_ACCESS_KEY + "/");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @CsvSource({"anthropic-corp,/v1/messages,true", "openai,/v1/chat/completions,false",
            "copilot,/chat/completions,false", "bedrock,/v1/messages,true"})
    void shouldAnswerAMissingGatewayKeyWith401InTheShapeOfTheProvidersKind(String provider, String path,
                                                                           boolean anthropicShaped) throws Exception {

        HttpResponse<String> answer = post(gateway.resolve("/api/v2/aibridge/" + provider + path), Map.of(), MESSAGES);

        assertError(answer, 401, anthropicShaped, "authentication_error", "no gateway key provided");
        assertThat(upstream.received()).isEmpty();
        assertThat(starts()).isEmpty();
    }

    @Test
    void shouldAnswerAnUnknownProviderWith404ShapedByTheApiItAskedFor() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + gatewayKey);

        assertError(post(gateway.resolve("/api/v2/aibridge/nobody/v1/messages"), auth, MESSAGES), 404, true,
                "not_found_error", "unknown provider: nobody");
        assertError(post(gateway.resolve("/api/v2/aibridge/nobody/v1/chat/completions"), auth, CHAT), 404, false,
                "not_found_error", "unknown provider: nobody");
    }

    @ParameterizedTest
    @CsvSource({"anthropic-corp,/v1/chat/completions,true", "openai,/v1/messages,false", "openai,/chat/completions,false",
            "copilot,/v1/chat/completions,false", "bedrock,/v1/responses,true"})
    void shouldAnswerARouteTheKindDoesNotInterceptWith404InItsShape(String provider, String path, boolean anthropicShaped)
            throws Exception {

        HttpResponse<String> answer = post(gateway.resolve("/api/v2/aibridge/" + provider + path),
                Map.of("Authorization", "Bearer " + gatewayKey), CHAT);

        assertError(answer, 404, anthropicShaped, "not_found_error", null);
        assertThat(message(answer)).startsWith("route not supported: POST ");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void shouldAnswerABodyThatIsNotARequestOfTheApiWith400InTheProvidersShape() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + gatewayKey);

        assertError(post(gateway.resolve("/api/v2/aibridge/openai/v1/chat/completions"), auth, "not json"), 400, false,
                "invalid_request_error", null);
        assertError(post(gateway.resolve("/api/v2/aibridge/anthropic-corp/v1/messages"), auth, "not json"), 400, true,
                "invalid_request_error", null);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void shouldTakeTheGatewayKeyFromEitherCredentialHeaderAndSendOnlyTheCentralKeyUpstream() throws Exception {

        HttpResponse<String> viaApiKey = post(gateway.resolve("/api/v2/aibridge/anthropic-corp/v1/messages"),
                Map.of("X-Api-Key", gatewayKey), MESSAGES);

        assertThat(viaApiKey.statusCode()).isEqualTo(200);
        assertThat(upstream.received().getLast().header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
        InterceptionStarted started = started(viaApiKey);
        assertThat(started.getCredentialKind()).isEqualTo(CredentialKind.CENTRALIZED);
        assertThat(started.getCredentialHint()).isNotEmpty().doesNotContain(ANTHROPIC_KEY);
    }

    @Test
    void shouldSendTheCallersOwnKeyUpstreamInByokMode() throws Exception {

        HttpResponse<String> answer = post(gateway.resolve("/api/v2/aibridge/anthropic-corp/v1/messages"),
                Map.of("X-Coder-AI-Governance-Token", gatewayKey, "X-Api-Key", "sk-ant-own-key"), MESSAGES);

        assertThat(answer.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(sent.header("x-api-key")).isEqualTo("sk-ant-own-key");
        assertThat(sent.header("x-coder-ai-governance-token")).isNull();
        assertThat(started(answer).getCredentialKind()).isEqualTo(CredentialKind.BYOK);
    }

    @Test
    void shouldRefuseByokWith403WhenItIsNotEnabled() throws Exception {
        HttpResponse<String> answer = post(gatewayWithoutByok.resolve("/api/v2/aibridge/openai/v1/chat/completions"),
                Map.of("X-Coder-AI-Governance-Token", gatewayKey, "Authorization", "Bearer sk-own"), CHAT);

        assertError(answer, 403, false, "permission_error", "Bring Your Own Key (BYOK) mode is not enabled.");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void shouldRefuseACentralKeyForCopilotAndAKeyOfTheCallersOwnForBedrock() throws Exception {

        HttpResponse<String> copilot = post(gateway.resolve("/api/v2/aibridge/copilot/chat/completions"),
                Map.of("Authorization", "Bearer " + gatewayKey), CHAT);
        HttpResponse<String> bedrock = post(gateway.resolve("/api/v2/aibridge/bedrock/v1/messages"),
                Map.of("X-Coder-AI-Governance-Token", gatewayKey, "X-Api-Key", "sk-ant-own-key"), MESSAGES);

        assertError(copilot, 401, false, "authentication_error", null);
        assertThat(message(copilot)).startsWith("Copilot needs your own Copilot token");
        assertError(bedrock, 400, true, "invalid_request_error", null);
        assertThat(message(bedrock)).contains("provider bedrock", "takes no key of yours");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownGatewayKeyWith401() throws Exception {

        HttpResponse<String> answer = post(gateway.resolve("/api/v2/aibridge/openai/v1/chat/completions"),
                Map.of("Authorization", "Bearer " + GatewayKeys.generate().full()), CHAT);

        assertError(answer, 401, false, "authentication_error", "invalid gateway key");
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void shouldRefuseToStartAnInterceptionItCannotRecordWith503AndRetryAfter() throws Exception {
        admitting.set(false);

        HttpResponse<String> answer = post(gateway.resolve("/api/v2/aibridge/anthropic-corp/v1/messages"),
                Map.of("Authorization", "Bearer " + gatewayKey), MESSAGES);

        assertError(answer, 503, true, "overloaded_error", null);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(upstream.received()).isEmpty();
        assertThat(starts()).isEmpty();
    }

    @Test
    void shouldPassWhitelistedRoutesThroughUnauditedWithEachKindsUpstreamPath() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + gatewayKey);

        HttpResponse<String> anthropic = get(gateway.resolve("/api/v2/aibridge/anthropic-corp/v1/models?limit=5"), auth);
        HttpResponse<String> openai = get(gateway.resolve("/api/v2/ai-gateway/openai/v1/models/gpt-4.1"), auth);
        HttpResponse<String> copilot = get(gateway.resolve("/api/v2/aibridge/copilot/models"),
                Map.of("X-Coder-AI-Governance-Token", gatewayKey, "Authorization", "Bearer " + COPILOT_TOKEN));

        assertThat(List.of(anthropic, openai, copilot)).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(FakeUpstream.MODELS);
        });
        List<FakeUpstream.Received> sent = upstream.received();
        assertThat(sent).extracting(FakeUpstream.Received::target)
                .containsExactly("/v1/models?limit=5", "/v1/models/gpt-4.1", "/models");
        assertThat(sent.get(0).header("x-api-key")).isEqualTo(ANTHROPIC_KEY);
        assertThat(sent.get(1).header("authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(sent.get(2).header("authorization")).isEqualTo("Bearer " + COPILOT_TOKEN);
        assertThat(starts()).isEmpty();
        // Counted by instance name and whitelist entry, never by the path with its ids.
        assertThat(metrics.scrape().lines()
                .filter(l -> l.startsWith("coder_ai_gateway_passthrough_total{")))
                .anySatisfy(l -> assertThat(l).contains("provider=\"anthropic-corp\"", "route=\"/v1/models\""))
                .anySatisfy(l -> assertThat(l).contains("provider=\"openai\"", "route=\"/models/.+\""));
    }

    @ParameterizedTest
    @CsvSource({"anthropic-corp,/v1/files,true", "openai,/models,false", "copilot,/chat,false", "bedrock,/v1/models,true"})
    void shouldAnswerEveryOtherRouteWith404WithoutCallingTheProvider(String provider, String path, boolean anthropicShaped)
            throws Exception {

        HttpResponse<String> answer = get(gateway.resolve("/api/v2/aibridge/" + provider + path),
                Map.of("Authorization", "Bearer " + gatewayKey));

        assertError(answer, 404, anthropicShaped, "not_found_error", null);
        assertThat(message(answer)).isEqualTo("route not supported: GET /" + provider + path);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void shouldAnswerHeadProbesWithoutAuthSayingOnlyWhetherTheProviderExists() throws Exception {

        assertThat(head(gateway.resolve("/")).statusCode()).isEqualTo(200);
        assertThat(head(gateway.resolve("/api/v2/aibridge/anthropic-corp")).statusCode()).isEqualTo(200);
        assertThat(head(gateway.resolve("/api/v2/ai-gateway/openai/v1")).statusCode()).isEqualTo(200);
        assertThat(head(gateway.resolve("/api/v2/aibridge/bedrock")).statusCode()).isEqualTo(200);
        assertThat(head(gateway.resolve("/api/v2/aibridge/nobody")).statusCode()).isEqualTo(404);
        assertThat(upstream.received()).isEmpty();
    }

    private URI start(boolean allowByok, GatewayMetrics metrics) {
        BridgeConfig options = new BridgeConfig(1 << 20, allowByok, false, false, Optional.empty(),
                new UpstreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        Authenticator authenticator = new Authenticator(Optional.empty(), id -> Optional.ofNullable(keys.get(id)),
                Clock.systemUTC());
        GatewayRoutes routes = GatewayRoutes.create(name -> Optional.ofNullable(providers.get(name)), authenticator,
                new MemorySink(events), admitting::get, "route-test-node", options, Clock.systemUTC(), metrics);
        opened.add(metrics);
        opened.add(routes);
        // As in Gateway: Helidon's own shutdown hook would also add a handler to the root logger of the test JVM.
        WebServer server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> Gateway.routing(r, routes)).build().start();
        opened.add(server::stop);
        return URI.create("http://127.0.0.1:" + server.port());
    }

    // Recorded before the provider is called, so before the answer; the end of an earlier test's may come in later.
    private InterceptionStarted started(HttpResponse<String> answer) {
        String id = answer.headers().firstValue("X-AI-Gateway-Interception-Id").orElseThrow();
        return events.stream().filter(e -> e.getInterceptionId().equals(id)).map(InterceptionEvent::getPayload)
                .filter(InterceptionStarted.class::isInstance).map(InterceptionStarted.class::cast).findFirst().orElseThrow();
    }

    private List<Object> starts() {
        return events.stream().map(InterceptionEvent::getPayload).filter(InterceptionStarted.class::isInstance).toList();
    }

    private void assertError(HttpResponse<String> answer, int status, boolean anthropicShaped, String type,
                             String message) throws IOException {
        assertThat(answer.statusCode()).isEqualTo(status);
        JsonNode body = JSON.readTree(answer.body());
        JsonNode error = body.path("error");
        if (anthropicShaped) {
            assertThat(body.path("type").asText()).isEqualTo("error");
            assertThat(error.has("code")).isFalse();
        } else {
            assertThat(body.has("type")).isFalse();
            assertThat(error.has("code")).isTrue();
            assertThat(error.get("code").isNull()).isTrue();
        }
        assertThat(error.path("type").asText()).isEqualTo(type);
        if (message != null) {
            assertThat(error.path("message").asText()).isEqualTo(message);
        }
    }

    private static String message(HttpResponse<String> answer) throws IOException {
        return JSON.readTree(answer.body()).path("error").path("message").asText();
    }

    private HttpResponse<String> post(URI uri, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        return send(request(uri, headers).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(URI uri, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(uri, headers).GET());
    }

    private HttpResponse<String> head(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return request;
    }

    private Provider provider(ProviderType type, String name, String basePath, List<String> centralKeys) {
        return Provider.of(new ProviderConfig(type, name, upstream.url(basePath), centralKeys, Optional.empty()));
    }

    // A member's gateway key, issued on the key view the authenticator reads.
    private String issueKey() {
        GatewayKeys.NewKey key = GatewayKeys.generate();
        keys.put(key.id(), new KeyEvent(key.id(), new KeyIssued("alice", "Alice", KeyRole.MEMBER, "laptop",
                Instant.now(), null, ByteBuffer.wrap(GatewayKeys.hash(key.secret())), GatewayKeys.hint(key.full()))));
        return key.full();
    }

    /** Keeps the events of every interception in order of emission. */
    private record MemorySink(List<InterceptionEvent> events) implements EventSink {
        @Override
        public void emit(InterceptionEvent event) {
            events.add(event);
        }

        @Override
        public void close() {
        }
    }
}
