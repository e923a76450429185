package dev.aigw.query.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.query.store.Details;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ThreadsTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void shouldJoinAnInterceptionToTheThreadWhoseToolCallItAnswers() {
        InterceptionRow ask = row(0, null);
        InterceptionRow other = row(1, null);
        InterceptionRow answer = row(2, "toolu_1");
        InterceptionRow answerOfAnswer = row(3, "toolu_2");

        List<SessionThread> threads = Threads.link(List.of(ask, other, answer, answerOfAnswer),
                Map.of(ask.id(), calls(ask, "toolu_1"), answer.id(), calls(answer, "toolu_2")));

        assertThat(threads).extracting(SessionThread::steps)
                .containsExactly(List.of(ask, answer, answerOfAnswer), List.of(other));
        assertThat(threads.getFirst().id()).isEqualTo(ask.id());
        assertThat(threads.getFirst().last()).isEqualTo(answerOfAnswer);
    }

    @Test
    void shouldStartAThreadForAnAnswerToAToolCallNotInTheSession() {
        InterceptionRow orphan = row(0, "toolu_elsewhere");

        assertThat(Threads.link(List.of(orphan), Map.of())).extracting(SessionThread::steps)
                .containsExactly(List.of(orphan));
    }

    private static Details calls(InterceptionRow r, String toolCallId) {
        return new Details(List.of(), List.of(), List.of(new Details.ToolCall(UUID.randomUUID(), r.id(), "msg", toolCallId,
                null, "Read", "{}", null, false, null, r.startedAt(), List.of())), List.of());
    }

    private static InterceptionRow row(int minute, String correlating) {
        return new InterceptionRow(UUID.randomUUID(), "alice", "alice", "key", "anthropic", "anthropic", "claude",
                "/v1/messages", true, "Claude Code", "ua", "s", "s", correlating, "centralized", "sk-a...6789",
                T0.plusSeconds(60L * minute), null, T0.plusSeconds(60L * minute), null, "completed", 200, null, null,
                "gw-1", Tokens.ZERO, 0, null, Map.of(), List.of());
    }
}
