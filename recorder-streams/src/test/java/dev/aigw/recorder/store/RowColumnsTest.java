package dev.aigw.recorder.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.InterceptionState;
import dev.aigw.recorder.audit.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The writer's rows by column name, without Cassandra: each row names exactly the columns its insert sets, and each
 * value sits under its own column's name.
 */
class RowColumnsTest {
    private static final String ID = "0190a1b2-0000-7000-8000-000000000001";
    private static final String EVENT = "0190a1b2-0000-7000-8000-000000000002";
    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final InterceptionState.Start START = new InterceptionState.Start("alice", "alice-name", "key-1",
            "anthropic", "claude", "claude-sonnet-4-0", "/v1/messages", true, "Claude Code", "claude-cli/2.0.67",
            "session-1", "toolu_0", "centralized", "sk-a...6789", "gw-1", Map.of("request_user_agent", "x"), Map.of());
    private static final InterceptionState.End END = new InterceptionState.End(STARTED.plusSeconds(7), "failed", 529,
            "upstream_error", "overloaded", Map.of());

    @Test
    void shouldNameEveryListedColumnWithItsOwnValueWhenStartedAndEnded() {
        Columns row = CassandraAuditWriter.listed(interception(START, END));

        assertThat(row.names()).containsExactlyInAnyOrderElementsOf(CassandraAuditWriter.LISTED);
        assertThat(row.value("route")).isEqualTo("/v1/messages");
        assertThat(row.value("user_agent")).isEqualTo("claude-cli/2.0.67");
        assertThat(row.value("gateway_node")).isEqualTo("gw-1");
        assertThat(row.value("client_session_id")).isEqualTo("session-1");
        assertThat(row.value("correlating_tool_call_id")).isEqualTo("toolu_0");
        assertThat(row.value("upstream_status")).isEqualTo(529);
        assertThat(row.value("duration_ms")).isEqualTo(7_000L);
        assertThat(row.value("last_event_at")).isEqualTo(STARTED.plusSeconds(8));
        assertThat(row.value("status")).isEqualTo("failed");
        assertThat(row.value("cache_read_input_tokens")).isEqualTo(3L);
        assertThat(row.value("reasoning_tokens")).isEqualTo(5L);
        assertThat(row.value("tool_calls")).isEqualTo(2);
    }

    @Test
    void shouldLeaveTheStartAndEndColumnsUnsetBeforeTheirEvents() {
        Columns row = CassandraAuditWriter.listed(interception(null, null));

        assertThat(row.names()).containsExactlyInAnyOrderElementsOf(CassandraAuditWriter.LISTED);
        for (String column : List.of("initiator_username", "route", "user_agent", "gateway_node", "ended_at",
                "upstream_status", "duration_ms")) {
            assertThat(row.value(column)).as(column).isNull();
        }
        assertThat(row.value("status")).isEqualTo("in_progress");
        assertThat(row.value("last_event_at")).isEqualTo(STARTED.plusSeconds(8));
    }

    @Test
    void shouldNameEachDetailRowsColumnsAsItsInsertDoes() {
        var tool = new AuditRow.ToolCall(ID, 3, EVENT, "msg_1", "call_1", "fc_1", "Read", "{}", null, false, null,
                STARTED, STARTED, null);
        Columns toolRow = CassandraAuditWriter.toolUsage(tool);
        Columns prompt = CassandraAuditWriter.prompt(new AuditRow.Prompt(ID, 1, EVENT, "msg_1", "fix it", STARTED,
                STARTED, null));
        Columns tokens = CassandraAuditWriter.tokenUsage(new AuditRow.TokenCount(ID, 4, EVENT, "msg_1", "claude",
                new Tokens(1, 2, 3, 4, 5), Map.of(), STARTED, STARTED));
        Columns thought = CassandraAuditWriter.thought(new AuditRow.Thought(ID, 2, EVENT, "msg_1", "hmm", "thinking",
                STARTED, STARTED, null));

        assertThat(toolRow.names()).containsExactlyInAnyOrderElementsOf(CassandraAuditWriter.TOOL_USAGE);
        assertThat(toolRow.value("item_id")).isEqualTo("fc_1");
        assertThat(toolRow.value("tool_call_id")).isEqualTo("call_1");
        assertThat(toolRow.value("interception_id")).isEqualTo(UUID.fromString(ID));
        assertThat(prompt.names()).containsExactlyInAnyOrderElementsOf(CassandraAuditWriter.PROMPT);
        assertThat(prompt.value("prompt")).isEqualTo("fix it");
        assertThat(tokens.names()).containsExactlyInAnyOrderElementsOf(CassandraAuditWriter.TOKEN_USAGE);
        assertThat(tokens.value("output_tokens")).isEqualTo(2L);
        assertThat(tokens.value("cache_write_input_tokens")).isEqualTo(4L);
        assertThat(thought.names()).containsExactlyInAnyOrderElementsOf(CassandraAuditWriter.THOUGHT);
        assertThat(thought.value("source")).isEqualTo("thinking");
    }

    @Test
    void shouldRefuseAColumnNamedTwice() {
        assertThatThrownBy(() -> new Columns().with("model", "a").with("model", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
    }

    private static AuditRow.Interception interception(InterceptionState.Start start, InterceptionState.End end) {
        return new AuditRow.Interception(ID, STARTED, start, end, end == null ? "in_progress" : end.status(), "session-1",
                new Tokens(1, 2, 3, 4, 5), 2, "fix it", STARTED.plusSeconds(8), STARTED.plusSeconds(60), Map.of());
    }
}
