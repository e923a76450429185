package dev.aigw.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.core.http.HttpResponseFor;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.BetaMessageAccumulator;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.ErrorType;
import com.anthropic.models.beta.AnthropicBeta;
import com.anthropic.models.beta.messages.BetaMessage;
import com.anthropic.models.beta.messages.BetaRawMessageStreamEvent;
import com.anthropic.models.beta.messages.BetaTool;
import com.anthropic.models.beta.messages.BetaToolUseBlock;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Anthropic Java SDK against a real gateway that relays to a fake upstream replaying
 * {@code anthropic/single_builtin_tool.txtar}: the SDK declares the fixture's {@code Read} tool and must parse the
 * {@code tool_use} the gateway relays, while the gateway records the same call on Kafka. The SDK sends both its
 * {@code apiKey} and its {@code authToken} as {@code Authorization: Bearer}, and {@code X-Api-Key} only when the caller
 * sets that header itself, so the tests cover the three ways it can carry a key.
 */
@ExtendWith(RealStack.class)
class AnthropicSdkIT {
    private static final String MODEL = "claude-sonnet-4-20250514";
    private static final String PROMPT = "read the foo file";
    private static final String READ_DESCRIPTION = "Read the contents of a file at the given path.";
    private static final Map<String, JsonValue> READ_PROPERTIES = Map.of("file_path", JsonValue.from(Map.of(
            "type", "string", "description", "The absolute path to the file to read")));
    private static final Map<String, String> READ_INPUT = Map.of("file_path", "/tmp/blah/foo");
    private static final ToolAnswer STREAMED = new ToolAnswer("toolu_01RX68weRSquLx6HUTj65iBo", "Read", READ_INPUT, 2, 61);
    // The one anthropic-beta line the SDK sends for the two betas below; upstream must get it unchanged.
    private static final String BETAS = "interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14";
    // The API version the pinned SDK sends on every request.
    private static final String SDK_API_VERSION = "2026-10-21";
    private static final String OWN_TOKEN = "sk-ant-persons-own-token-9876543210";

    private static LiveGateway gateway;
    private static AnthropicClient withApiKey;
    private static AnthropicClient withXApiKeyHeader;
    private static AnthropicClient withOwnToken;

    @BeforeAll
    static void start() {
        gateway = LiveGateway.start(Map.of());
        gateway.upstream().replay(Txtar.fixture("anthropic/single_builtin_tool.txtar"));
        withApiKey = client(sdk -> sdk.apiKey(gateway.admin()));
        withXApiKeyHeader = client(sdk -> sdk.putHeader("X-Api-Key", gateway.admin()));
        withOwnToken = client(sdk -> sdk.authToken(OWN_TOKEN).putHeader("X-Coder-AI-Governance-Token", gateway.admin()));
    }

    @AfterAll
    static void stop() {
        withApiKey.close();
        withXApiKeyHeader.close();
        withOwnToken.close();
        gateway.close();
    }

    @Test
    void shouldParseAndRecordTheToolUseOfABlockingMessageWhenTheGatewayKeyIsTheSdksApiKey() {
        try (HttpResponseFor<Message> raw = withApiKey.messages().withRawResponse().create(params())) {
            Message message = raw.parse();
            ToolAnswer parsed = answer(message);

            assertThat(parsed).isEqualTo(new ToolAnswer("toolu_01AusGgY5aKFhzWrFBv9JfHq", "Read", READ_INPUT, 5, 84));
            assertThat(message.usage().cacheReadInputTokens()).contains(23490L);
            FakeUpstream.Received sent = sentWithCentralKey();
            Recorded recorded = recorded(raw, sent, CredentialKind.CENTRALIZED, "sk-a...6789", false);
            assertThat(recorded.answer()).isEqualTo(parsed);
            assertThat(recorded.tokens().getCacheReadInputTokens()).isEqualTo(23490);
            assertThat(recorded.tokens().getCacheWriteInputTokens()).isZero();
        }
    }

    @Test
    void shouldForwardTheBetasAndRecordTheStreamedToolUseWhenTheGatewayKeyIsInXApiKey() {
        BetaMessageAccumulator accumulator = BetaMessageAccumulator.create();
        try (HttpResponseFor<StreamResponse<BetaRawMessageStreamEvent>> raw =
                     withXApiKeyHeader.beta().messages().withRawResponse().createStreaming(betaParams());
             StreamResponse<BetaRawMessageStreamEvent> events = raw.parse()) {
            events.stream().forEach(accumulator::accumulate);
            ToolAnswer parsed = answer(accumulator.message());

            assertThat(parsed).isEqualTo(STREAMED);
            FakeUpstream.Received sent = sentWithCentralKey();
            assertThat(sent.values("anthropic-beta")).containsExactly(BETAS);
            Recorded recorded = recorded(raw, sent, CredentialKind.CENTRALIZED, "sk-a...6789", true);
            assertThat(recorded.answer()).isEqualTo(parsed);
            assertStreamedCacheTokens(recorded);
        }
    }

    @Test
    void shouldSendThePersonsOwnTokenUpstreamAndRecordTheStreamInByokMode() {
        MessageAccumulator accumulator = MessageAccumulator.create();
        try (HttpResponseFor<StreamResponse<RawMessageStreamEvent>> raw =
                     withOwnToken.messages().withRawResponse().createStreaming(params());
             StreamResponse<RawMessageStreamEvent> events = raw.parse()) {
            events.stream().forEach(accumulator::accumulate);
            ToolAnswer parsed = answer(accumulator.message());

            assertThat(parsed).isEqualTo(STREAMED);
            FakeUpstream.Received sent = gateway.upstream().received().getLast();
            assertThat(sent.values("Authorization")).containsExactly("Bearer " + OWN_TOKEN);
            assertThat(sent.values("x-api-key")).isEmpty();
            assertThat(sent.values("X-Coder-AI-Governance-Token")).isEmpty();
            assertThat(sent.values("anthropic-version")).containsExactly(SDK_API_VERSION);
            Recorded recorded = recorded(raw, sent, CredentialKind.BYOK, "sk-a...3210", true);
            assertThat(recorded.answer()).isEqualTo(parsed);
            assertStreamedCacheTokens(recorded);
        }
    }

    @Test
    void shouldRaiseTheSdksAuthenticationErrorWhenTheGatewayKeyIsUnknown() {
        int before = gateway.upstream().received().size();
        AnthropicClient stranger = client(sdk -> sdk.apiKey("sk-ant-not-a-gateway-key"));
        try {
            assertThatThrownBy(() -> stranger.messages().create(params()))
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.errorType()).contains(ErrorType.AUTHENTICATION_ERROR);
                        assertThat(e.apiMessage()).contains("invalid gateway key");
                    });
        } finally {
            stranger.close();
        }
        assertThat(gateway.upstream().received()).hasSize(before);
    }

    // Retries off so that a failure surfaces as the first answer, not a later one. Strict response validation stays
    // off: the recorded fixtures predate fields this SDK requires (e.g. usage.server_tool_use.web_fetch_requests).
    private static AnthropicClient client(UnaryOperator<AnthropicOkHttpClient.Builder> credentials) {
        return credentials.apply(AnthropicOkHttpClient.builder()
                .baseUrl(gateway.bridge("/anthropic").toString())
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))).build();
    }

    private static MessageCreateParams params() {
        return MessageCreateParams.builder()
                .model(MODEL)
                .maxTokens(1024)
                .addTool(Tool.builder().name("Read").description(READ_DESCRIPTION).inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder().putAllAdditionalProperties(READ_PROPERTIES).build())
                        .addRequired("file_path")
                        .build()).build())
                .addUserMessage(PROMPT)
                .build();
    }

    private static com.anthropic.models.beta.messages.MessageCreateParams betaParams() {
        return com.anthropic.models.beta.messages.MessageCreateParams.builder()
                .addBeta(AnthropicBeta.INTERLEAVED_THINKING_2025_05_14)
                .addBeta("fine-grained-tool-streaming-2025-05-14")
                .model(MODEL)
                .maxTokens(1024)
                .addTool(BetaTool.builder().name("Read").description(READ_DESCRIPTION).inputSchema(BetaTool.InputSchema.builder()
                        .properties(BetaTool.InputSchema.Properties.builder().putAllAdditionalProperties(READ_PROPERTIES).build())
                        .addRequired("file_path")
                        .build()).build())
                .addUserMessage(PROMPT)
                .build();
    }

    private static ToolAnswer answer(Message message) {
        ToolUseBlock toolUse = message.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
        return new ToolAnswer(toolUse.id(), toolUse.name(), toolUse._input().convert(Map.class),
                message.usage().inputTokens(), message.usage().outputTokens());
    }

    private static ToolAnswer answer(BetaMessage message) {
        BetaToolUseBlock toolUse = message.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
        return new ToolAnswer(toolUse.id(), toolUse.name(), toolUse._input().convert(Map.class),
                message.usage().inputTokens(), message.usage().outputTokens());
    }

    /** The last upstream request, checked to carry the central key in place of the SDK's and the SDK's API version. */
    private static FakeUpstream.Received sentWithCentralKey() {
        FakeUpstream.Received sent = gateway.upstream().received().getLast();
        assertThat(sent.uri().getPath()).isEqualTo("/v1/messages");
        assertThat(sent.values("x-api-key")).containsExactly(LiveGateway.ANTHROPIC_KEY);
        assertThat(sent.values("Authorization")).isEmpty();
        assertThat(sent.values("anthropic-version")).containsExactly(SDK_API_VERSION);
        return sent;
    }

    /** Checks how the gateway recorded the start and end of the SDK's call, and returns all it recorded. */
    private static Recorded recorded(HttpResponse raw, FakeUpstream.Received sent, CredentialKind kind, String hint,
                                     boolean streaming) {
        Recorded recorded = new Recorded(gateway.eventsOf(raw.headers().values(Recorded.INTERCEPTION_HEADER).getFirst()));
        InterceptionStarted started = recorded.started();
        assertThat(started.getProvider()).isEqualTo("anthropic");
        assertThat(started.getRoute()).isEqualTo("/v1/messages");
        assertThat(started.getModel()).isEqualTo(MODEL);
        assertThat(started.getStreaming()).isEqualTo(streaming);
        // The SDK's user agent is not one ClientInfo knows, so the client is Unknown and the agent is kept verbatim.
        assertThat(started.getClient()).isEqualTo("Unknown");
        assertThat(started.getUserAgent()).startsWith("AnthropicClientImpl/Java ").isEqualTo(sent.header("User-Agent"));
        assertThat(started.getCredentialKind()).isEqualTo(kind);
        assertThat(started.getCredentialHint()).isEqualTo(hint);
        assertThat(recorded.prompt()).isEqualTo(PROMPT);
        assertThat(recorded.status()).isEqualTo(InterceptionStatus.COMPLETED);
        return recorded;
    }

    // Cache counts are not part of ToolAnswer, which OpenAI's answers share; these are the fixture's stream counts.
    private static void assertStreamedCacheTokens(Recorded recorded) {
        assertThat(recorded.tokens().getCacheReadInputTokens()).isEqualTo(13993);
        assertThat(recorded.tokens().getCacheWriteInputTokens()).isEqualTo(22);
    }
}
