package dev.aigw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OpenAI Chat Completions and Responses through a real gateway to a fake upstream, events read back from Kafka. */
@ExtendWith(RealStack.class)
class OpenAiInterceptionIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LiveGateway gateway;
    private static FakeUpstream upstream;

    @BeforeAll
    static void start() {
        gateway = LiveGateway.start(Map.of());
        upstream = gateway.upstream();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void shouldAuditBlockingChatCompletionsWithTheToolCall() throws Exception {
        upstream.replay(Txtar.fixture("openai/chatcompletions/single_builtin_tool.txtar"));

        HttpResponse<String> answer = post("/openai/v1/chat/completions", request("openai/chatcompletions/single_builtin_tool.txtar", false));

        assertThat(answer.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(sent.uri().getPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + LiveGateway.OPENAI_KEY);
        List<Object> payloads = eventsOf(answer);
        InterceptionStarted started = (InterceptionStarted) payloads.getFirst();
        assertThat(started.getProvider()).isEqualTo("openai");
        assertThat(started.getRoute()).isEqualTo("/chat/completions");
        assertThat(started.getCredentialKind()).isEqualTo(CredentialKind.CENTRALIZED);
        assertThat(started.getCredentialHint()).isEqualTo("sk-o...6789");
        assertThat(payloads).filteredOn(ToolUsage.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((ToolUsage) t).getToolCallId()).isEqualTo("call_KjzAbhiZC6nk81tQzL7pwlpc"));
        assertThat(payloads).filteredOn(TokenUsage.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((TokenUsage) t).getInputTokens()).isEqualTo(60));
        assertThat(((InterceptionEnded) payloads.getLast()).getStatus()).isEqualTo(InterceptionStatus.COMPLETED);
    }

    @Test
    void shouldAskForStreamUsageAndAuditTheStreamedChat() throws Exception {
        upstream.replay(Txtar.fixture("openai/chatcompletions/simple.txtar"));

        HttpResponse<String> answer = post("/openai/v1/chat/completions", request("openai/chatcompletions/simple.txtar", true));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).endsWith("data: [DONE]\n\n");
        JsonNode sent = JSON.readTree(upstream.received().getLast().body());
        assertThat(sent.path("stream_options").path("include_usage").asBoolean()).isTrue();
        List<Object> payloads = eventsOf(answer);
        assertThat(payloads).filteredOn(PromptUsage.class::isInstance).hasSize(1);
        assertThat(payloads).filteredOn(TokenUsage.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((TokenUsage) t).getOutputTokens()).isEqualTo(238));
    }

    @Test
    void shouldRelayResponsesByteForByteAndAuditThem() throws Exception {
        for (boolean stream : new boolean[] {false, true}) {
            String fixture = stream ? "openai/responses/streaming/builtin_tool.txtar"
                    : "openai/responses/blocking/single_builtin_tool.txtar";
            upstream.replay(Txtar.fixture(fixture));

            HttpResponse<String> answer = post("/openai/v1/responses", request(fixture, stream));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(Txtar.fixture(fixture).required(stream ? "streaming" : "non-streaming"));
            List<Object> payloads = eventsOf(answer);
            assertThat(payloads).filteredOn(ModelThought.class::isInstance).singleElement()
                    .satisfies(t -> assertThat(((ModelThought) t).getSource()).isEqualTo(ThoughtSource.REASONING_SUMMARY));
            assertThat(payloads).filteredOn(ToolUsage.class::isInstance).singleElement()
                    .satisfies(t -> assertThat(((ToolUsage) t).getTool()).isEqualTo("add"));
            assertThat(((InterceptionEnded) payloads.getLast()).getStatus()).isEqualTo(InterceptionStatus.COMPLETED);
        }
    }

    @Test
    void shouldRefuseWhatIsNotAnInterceptedRouteInOpenAisShape() throws Exception {
        int before = upstream.received().size();
        ObjectNode background = (ObjectNode) JSON.readTree(request("openai/responses/blocking/simple.txtar", false));
        background.put("background", true);

        HttpResponse<String> wrongApi = post("/openai/v1/messages", "{}");
        HttpResponse<String> unknownPath = post("/openai/v1/completions", "{}");
        HttpResponse<String> backgrounded = post("/openai/v1/responses", background.toString());
        HttpResponse<String> malformed = post("/openai/v1/chat/completions", "{\"model\":\"gpt-4.1\"}");
        HttpResponse<String> empty = post("/openai/v1/chat/completions", "");

        assertThat(wrongApi.statusCode()).isEqualTo(404);
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownPath.body()).path("error").path("message").asText())
                .isEqualTo("route not supported: POST /openai/v1/completions");
        assertThat(backgrounded.statusCode()).isEqualTo(501);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(upstream.received()).hasSize(before);
    }

    @Test
    void shouldPassModelListsThroughWithTheProviderKeyAndNoAudit() throws Exception {
        upstream.replay(Txtar.fixture("openai/chatcompletions/fallthrough.txtar"));

        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.bridge("/openai/v1/models?limit=5"))
                .header("Authorization", "Bearer " + gateway.admin()).GET());
        HttpResponse<String> anonymous = gateway.send(HttpRequest.newBuilder(gateway.bridge("/openai/v1/models")).GET());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()))
                .isEqualTo(JSON.readTree(Txtar.fixture("openai/chatcompletions/fallthrough.txtar").required("non-streaming")));
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.uri().toString()).isEqualTo("/v1/models?limit=5");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + LiveGateway.OPENAI_KEY);
        assertThat(answer.headers().firstValue("X-AI-Gateway-Interception-Id")).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldSendThePersonsOwnKeyUpstreamAndRecordItsHintInByokMode() throws Exception {
        upstream.replay(Txtar.fixture("openai/chatcompletions/single_builtin_tool.txtar"));
        String own = "sk-proj-persons-own-key-9876543210";

        HttpResponse<String> answer = gateway.send(HttpRequest.newBuilder(gateway.bridge("/openai/v1/chat/completions"))
                .header("X-Coder-AI-Governance-Token", gateway.admin())
                .header("Authorization", "Bearer " + own)
                .POST(HttpRequest.BodyPublishers.ofString(request("openai/chatcompletions/single_builtin_tool.txtar", false))));

        assertThat(answer.statusCode()).isEqualTo(200);
        FakeUpstream.Received sent = upstream.received().getLast();
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + own);
        assertThat(sent.header("X-Coder-AI-Governance-Token")).isNull();
        InterceptionStarted started = (InterceptionStarted) eventsOf(answer).getFirst();
        assertThat(started.getCredentialKind()).isEqualTo(CredentialKind.BYOK);
        assertThat(started.getCredentialHint()).isEqualTo("sk-p...3210");
    }

    private static String request(String fixture, boolean stream) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Txtar.fixture(fixture).required("request"));
        return body.put("stream", stream).toString();
    }

    private static HttpResponse<String> post(String path, String body) {
        return gateway.post(path, body);
    }

    private static List<Object> eventsOf(HttpResponse<String> answer) {
        return gateway.eventsOf(answer);
    }
}
