package dev.aigw.gateway.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponse;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.helpers.ResponseAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.responses.EasyInputMessage;
import com.openai.models.responses.FunctionTool;
import com.openai.models.responses.Response;
import com.openai.models.responses.ResponseCreateParams;
import com.openai.models.responses.ResponseFunctionToolCall;
import com.openai.models.responses.ResponseInputItem;
import com.openai.models.responses.ResponseStreamEvent;
import com.openai.models.responses.ResponseUsage;
import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.gateway.live.LiveGateway;
import dev.aigw.testkit.RealStack;
import dev.aigw.testkit.fixtures.FakeUpstream;
import dev.aigw.testkit.fixtures.Txtar;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official OpenAI Java SDK against a real gateway that relays to a fake upstream replaying the recorded
 * tool-call fixtures: Chat Completions declares {@code read_file}, Responses declares {@code add}; the SDK must parse
 * the tool call the gateway relays, while the gateway records the same call on Kafka.
 */
@ExtendWith(RealStack.class)
class OpenAiSdkIT {
    private static final String MODEL = "gpt-4.1";
    private static final String CHAT_PROMPT = "how large is the README.md file in my current path";
    private static final Map<String, String> CHAT_ARGUMENTS = Map.of("path", "README.md");
    private static final String ADD_PROMPT = "Is 3 + 5 a prime number? Use the add function to calculate the sum.";
    private static final Map<String, Integer> ADD_ARGUMENTS = Map.of("a", 3, "b", 5);
    private static final Map<String, String> NUMBER = Map.of("type", "number");

    private static LiveGateway gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        gateway = LiveGateway.start(Map.of());
        // Retries off so that a failure surfaces as the first answer, not a later one. Strict response validation
        // stays off: the recorded fixtures predate fields this SDK requires (e.g. Responses usage cache_write_tokens).
        client = OpenAIOkHttpClient.builder()
                .baseUrl(gateway.bridge("/openai/v1").toString())
                .apiKey(gateway.admin())
                .maxRetries(0)
                .timeout(Duration.ofSeconds(30))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        gateway.close();
    }

    @Test
    void shouldParseAndRecordTheToolCallOfABlockingChatCompletion() {
        gateway.upstream().replay(Txtar.fixture("openai/chatcompletions/single_builtin_tool.txtar"));

        try (HttpResponseFor<ChatCompletion> raw = client.chat().completions().withRawResponse().create(chatParams())) {
            ToolAnswer parsed = answer(raw.parse());

            assertThat(parsed).isEqualTo(new ToolAnswer("call_KjzAbhiZC6nk81tQzL7pwlpc", "read_file", CHAT_ARGUMENTS, 60, 15));
            assertThat(recorded(raw, "/chat/completions", false, CHAT_PROMPT)).isEqualTo(parsed);
        }
    }

    @Test
    void shouldAccumulateAndRecordTheToolCallOfAStreamedChatCompletion() {
        gateway.upstream().replay(Txtar.fixture("openai/chatcompletions/single_builtin_tool.txtar"));
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();

        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> raw =
                     client.chat().completions().withRawResponse().createStreaming(chatParams());
             StreamResponse<ChatCompletionChunk> chunks = raw.parse()) {
            chunks.stream().forEach(accumulator::accumulate);
            ToolAnswer parsed = answer(accumulator.chatCompletion());

            // The SDK sends no stream_options; it gets the usage chunk because the gateway asks upstream for it.
            assertThat(parsed).isEqualTo(new ToolAnswer("call_HjeqP7YeRkoNj0de9e3U4X4B", "read_file", CHAT_ARGUMENTS, 60, 15));
            assertThat(Recorded.object(gateway.upstream().received().getLast().body()).get("stream_options"))
                    .isEqualTo(Map.of("include_usage", true));
            assertThat(recorded(raw, "/chat/completions", true, CHAT_PROMPT)).isEqualTo(parsed);
        }
    }

    @Test
    void shouldParseAndRecordTheFunctionCallOfABlockingResponse() {
        gateway.upstream().replay(Txtar.fixture("openai/responses/blocking/single_builtin_tool.txtar"));

        try (HttpResponseFor<Response> raw = client.responses().withRawResponse().create(responsesParams())) {
            ToolAnswer parsed = answer(raw.parse());

            assertThat(parsed).isEqualTo(new ToolAnswer("call_CJSaa2u51JG996575oVljuNq", "add", ADD_ARGUMENTS, 58, 18));
            assertThat(recorded(raw, "/responses", false, ADD_PROMPT)).isEqualTo(parsed);
        }
    }

    @Test
    void shouldAccumulateAndRecordTheFunctionCallOfAStreamedResponse() {
        gateway.upstream().replay(Txtar.fixture("openai/responses/streaming/builtin_tool.txtar"));
        ResponseAccumulator accumulator = ResponseAccumulator.create();

        try (HttpResponseFor<StreamResponse<ResponseStreamEvent>> raw =
                     client.responses().withRawResponse().createStreaming(responsesParams());
             StreamResponse<ResponseStreamEvent> events = raw.parse()) {
            events.stream().forEach(accumulator::accumulate);
            ToolAnswer parsed = answer(accumulator.response());

            assertThat(parsed).isEqualTo(new ToolAnswer("call_7VaiUXZYuuuwWwviCrckxq6t", "add", ADD_ARGUMENTS, 58, 18));
            assertThat(recorded(raw, "/responses", true, ADD_PROMPT)).isEqualTo(parsed);
        }
    }

    @Test
    void shouldRaiseTheSdksAuthenticationErrorWhenTheGatewayKeyIsUnknown() {
        int before = gateway.upstream().received().size();
        OpenAIClient stranger = client.withOptions(options -> options.apiKey("sk-not-a-gateway-key"));

        assertThatThrownBy(() -> stranger.chat().completions().create(chatParams()))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.type()).contains("authentication_error");
                    assertThat(e.getMessage()).contains("invalid gateway key");
                });
        assertThat(gateway.upstream().received()).hasSize(before);
    }

    /** The fixture's request: one user message and the {@code read_file} function. */
    private static ChatCompletionCreateParams chatParams() {
        return ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage(CHAT_PROMPT)
                .addFunctionTool(FunctionDefinition.builder()
                        .name("read_file")
                        .description("Read the contents of a file at the given path.")
                        .parameters(FunctionParameters.builder().putAllAdditionalProperties(Map.of(
                                "type", JsonValue.from("object"),
                                "properties", JsonValue.from(Map.of("path", Map.of("type", "string"))),
                                "required", JsonValue.from(List.of("path")))).build())
                        .build())
                .build();
    }

    /** The fixture's request: one user message and the {@code add} function, strict as the API defaults to. */
    private static ResponseCreateParams responsesParams() {
        return ResponseCreateParams.builder()
                .model(MODEL)
                .inputOfResponse(List.of(ResponseInputItem.ofEasyInputMessage(EasyInputMessage.builder()
                        .role(EasyInputMessage.Role.USER).content(ADD_PROMPT).build())))
                .addTool(FunctionTool.builder()
                        .name("add")
                        .description("Add two numbers together.")
                        .parameters(FunctionTool.Parameters.builder().putAllAdditionalProperties(Map.of(
                                "type", JsonValue.from("object"),
                                "properties", JsonValue.from(Map.of("a", NUMBER, "b", NUMBER)),
                                "required", JsonValue.from(List.of("a", "b")))).build())
                        .strict(true)
                        .build())
                .build();
    }

    private static ToolAnswer answer(ChatCompletion completion) {
        ChatCompletionMessageFunctionToolCall call = completion.choices().getFirst().message().toolCalls().orElseThrow()
                .getFirst().function().orElseThrow();
        CompletionUsage usage = completion.usage().orElseThrow();
        return new ToolAnswer(call.id(), call.function().name(), Recorded.object(call.function().arguments()),
                usage.promptTokens(), usage.completionTokens());
    }

    private static ToolAnswer answer(Response response) {
        ResponseFunctionToolCall call = response.output().stream().flatMap(item -> item.functionCall().stream())
                .findFirst().orElseThrow();
        ResponseUsage usage = response.usage().orElseThrow();
        return new ToolAnswer(call.callId(), call.name(), Recorded.object(call.arguments()), usage.inputTokens(),
                usage.outputTokens());
    }

    /**
     * Checks what reached upstream and how the gateway recorded the start of the SDK's call, and returns the tool call
     * and usage it recorded.
     */
    private static ToolAnswer recorded(HttpResponse raw, String route, boolean streaming, String prompt) {
        FakeUpstream.Received sent = gateway.upstream().received().getLast();
        assertThat(sent.uri().getPath()).isEqualTo("/v1" + route);
        assertThat(sent.values("Authorization")).containsExactly("Bearer " + LiveGateway.OPENAI_KEY);
        Recorded recorded = new Recorded(gateway.eventsOf(raw.headers().values(Recorded.INTERCEPTION_HEADER).getFirst()));
        InterceptionStarted started = recorded.started();
        assertThat(started.getProvider()).isEqualTo("openai");
        assertThat(started.getRoute()).isEqualTo(route);
        assertThat(started.getModel()).isEqualTo(MODEL);
        assertThat(started.getStreaming()).isEqualTo(streaming);
        // The SDK's user agent is not one ClientInfo knows, so the client is Unknown and the agent is kept verbatim.
        assertThat(started.getClient()).isEqualTo("Unknown");
        assertThat(started.getUserAgent()).startsWith("OpenAIClientImpl/Java ").isEqualTo(sent.header("User-Agent"));
        assertThat(started.getCredentialKind()).isEqualTo(CredentialKind.CENTRALIZED);
        assertThat(started.getCredentialHint()).isEqualTo("sk-o...6789");
        assertThat(recorded.prompt()).isEqualTo(prompt);
        assertThat(recorded.status()).isEqualTo(InterceptionStatus.COMPLETED);
        return recorded.answer();
    }
}
