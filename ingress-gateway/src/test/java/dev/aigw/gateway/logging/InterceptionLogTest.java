package dev.aigw.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.events.v1.CredentialKind;
import dev.aigw.events.v1.InterceptionEnded;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.events.v1.InterceptionStarted;
import dev.aigw.events.v1.InterceptionStatus;
import dev.aigw.events.v1.ModelThought;
import dev.aigw.events.v1.PromptUsage;
import dev.aigw.events.v1.ThoughtSource;
import dev.aigw.events.v1.TokenUsage;
import dev.aigw.events.v1.ToolUsage;
import dev.aigw.gateway.auth.Secrets;
import dev.aigw.gateway.sink.EventSink;
import dev.aigw.servicekit.logging.LineFormatter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import dev.aigw.testkit.logs.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InterceptionLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER_KEY = "sk-ant-central-key-0123456789";
    private static final Instant STARTED = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant AT = Instant.parse("2025-06-01T10:00:01.500Z");

    private final List<InterceptionEvent> passedOn = new ArrayList<>();
    private LogCapture capture;
    private EventSink sink;

    @BeforeEach
    void capture() {
        capture = LogCapture.of(InterceptionLog.class);
        sink = InterceptionLog.around(new EventSink() {
            @Override
            public void emit(InterceptionEvent event) {
                passedOn.add(event);
            }

            @Override
            public void close() {
            }
        });
    }

    @AfterEach
    void release() {
        capture.close();
    }

    @Test
    void shouldLogTheStartWithTheReferenceFieldsAndOnlyTheMaskedCredential() throws Exception {
        InterceptionStarted started = InterceptionStarted.newBuilder()
                .setInitiatorId("user-1").setApiKeyId("key-1").setProvider("anthropic").setProviderName("anthropic")
                .setModel("claude-sonnet-4").setRoute("/v1/messages").setClient("Claude Code")
                .setUserAgent("claude-cli/2.0").setClientSessionId("session-1").setCorrelatingToolCallId(null)
                .setCredentialKind(CredentialKind.CENTRALIZED).setCredentialHint(Secrets.mask(PROVIDER_KEY)).build();

        JsonNode line = json(emit(started));

        assertThat(line.path("msg").asText()).isEqualTo("interception log");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger").asText()).isEqualTo(InterceptionLog.class.getName());
        assertThat(line.path("record_type").asText()).isEqualTo("interception_start");
        assertThat(line.path("interception_id").asText()).isEqualTo("int-1");
        assertThat(line.path("initiator_id").asText()).isEqualTo("user-1");
        assertThat(line.path("api_key_id").asText()).isEqualTo("key-1");
        assertThat(line.path("provider").asText()).isEqualTo("anthropic");
        assertThat(line.path("model").asText()).isEqualTo("claude-sonnet-4");
        assertThat(line.path("client").asText()).isEqualTo("Claude Code");
        assertThat(line.path("client_session_id").asText()).isEqualTo("session-1");
        assertThat(line.path("started_at").asText()).isEqualTo("2025-06-01T10:00:00Z");
        assertThat(line.path("metadata").path("request_user_agent").asText()).isEqualTo("claude-cli/2.0");
        assertThat(line.path("correlating_tool_call_id").asText()).isEmpty();
        assertThat(line.path("credential_kind").asText()).isEqualTo("centralized");
        assertThat(line.path("credential_hint").asText()).isEqualTo("sk-a...6789");
        assertThat(format(true, capture.records().getFirst()) + format(false, capture.records().getFirst())).doesNotContain(PROVIDER_KEY);
        assertThat(passedOn).hasSize(1);
    }

    @Test
    void shouldLogEachOtherRecordTypeWithItsFields() throws Exception {
        JsonNode ended = json(emit(new InterceptionEnded(InterceptionStatus.FAILED, 529, "upstream_error", "overloaded")));
        JsonNode tokens = json(emit(new TokenUsage("msg_1", "claude-sonnet-4-20250514", 18L, 230L, 5L, 7L, 0L,
                Map.of("web_search_requests", 1L))));
        JsonNode prompt = json(emit(new PromptUsage(null, "how many angels")));
        JsonNode tool = json(emit(new ToolUsage("msg_1", "toolu_1", null, "read_file", "{\"path\":\"a.txt\"}", null, false,
                null)));
        JsonNode thought = json(emit(new ModelThought("msg_1", "a classic question", ThoughtSource.THINKING)));

        assertThat(ended.path("record_type").asText()).isEqualTo("interception_end");
        assertThat(ended.path("ended_at").asText()).isEqualTo("2025-06-01T10:00:01.500Z");
        assertThat(ended.path("status").asText()).isEqualTo("failed");
        assertThat(ended.path("upstream_status").asInt()).isEqualTo(529);
        assertThat(ended.path("error_message").asText()).isEqualTo("overloaded");
        assertThat(tokens.path("record_type").asText()).isEqualTo("token_usage");
        assertThat(tokens.path("msg_id").asText()).isEqualTo("msg_1");
        assertThat(tokens.path("input_tokens").asLong()).isEqualTo(18);
        assertThat(tokens.path("output_tokens").asLong()).isEqualTo(230);
        assertThat(tokens.path("cache_read_input_tokens").asLong()).isEqualTo(5);
        assertThat(tokens.path("cache_write_input_tokens").asLong()).isEqualTo(7);
        assertThat(tokens.path("created_at").asText()).isEqualTo("2025-06-01T10:00:01.500Z");
        assertThat(tokens.path("metadata").path("web_search_requests").asLong()).isEqualTo(1);
        assertThat(prompt.path("record_type").asText()).isEqualTo("prompt_usage");
        assertThat(prompt.path("msg_id").asText()).isEmpty();
        assertThat(prompt.path("prompt").asText()).isEqualTo("how many angels");
        assertThat(prompt.path("metadata").isObject()).isTrue();
        assertThat(tool.path("record_type").asText()).isEqualTo("tool_usage");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("toolu_1");
        assertThat(tool.path("tool").asText()).isEqualTo("read_file");
        assertThat(tool.path("input").asText()).isEqualTo("{\"path\":\"a.txt\"}");
        assertThat(tool.path("server_url").asText()).isEmpty();
        assertThat(tool.path("injected").asBoolean(true)).isFalse();
        assertThat(tool.path("invocation_error").asText()).isEmpty();
        assertThat(thought.path("record_type").asText()).isEqualTo("model_thought");
        assertThat(thought.path("content").asText()).isEqualTo("a classic question");
        assertThat(thought.path("metadata").path("source").asText()).isEqualTo("thinking");
        assertThat(capture.records()).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.INFO)).hasSize(5);
        assertThat(passedOn).hasSize(5);
    }

    @Test
    void shouldAppendTheFieldsAsKeyValuePairsInText() {
        emit(new ToolUsage("msg_1", "toolu_1", null, "read_file", "{\"path\":\"a b.txt\"}", null, false, null));

        String text = format(false, capture.records().getFirst());

        assertThat(text).matches("\\S+ INFO dev\\.aigw\\.gateway\\.logging\\.InterceptionLog: interception log "
                + "record_type=tool_usage interception_id=int-1 .*\n")
                .contains(" tool=read_file ", " input=\"{\\\"path\\\":\\\"a b.txt\\\"}\" ", " server_url=\"\" ",
                        " injected=false ", " metadata={}");
    }

    private LogRecord emit(Object payload) {
        sink.emit(InterceptionEvent.newBuilder().setEventId("event-" + passedOn.size()).setInterceptionId("int-1")
                .setSeq(passedOn.size()).setOccurredAt(AT).setInterceptionStartedAt(STARTED).setGatewayNode("node-1")
                .setPayload(payload).build());
        return capture.records().getLast();
    }

    private static JsonNode json(LogRecord record) throws Exception {
        String line = format(true, record);
        assertThat(line).endsWith("\n").hasLineCount(1);
        return JSON.readTree(line);
    }

    private static String format(boolean json, LogRecord record) {
        return new LineFormatter(json).format(record);
    }
}
