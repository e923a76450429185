package dev.aigw.query.views;

import dev.aigw.query.store.Details;
import dev.aigw.query.store.InterceptionRow;
import dev.aigw.query.store.Tokens;
import dev.aigw.query.threads.SessionThread;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One thread of a session: the prompt that started it, its first interception's model, provider and credential, the
 * latest error in it, its tokens, and each interception in it as an agentic action with its thinking and tool calls.
 */
public record ThreadView(UUID id, String prompt, String model, String provider, String providerName,
                         String credentialKind, String credentialHint, String errorType, String errorMessage,
                         Instant startedAt, Instant endedAt, TokenUsageView tokenUsage, List<Action> agenticActions) {

    /** The view of a thread; {@code details} holds its interceptions' details by id. */
    public static ThreadView of(SessionThread t, Map<UUID, Details> details) {
        InterceptionRow first = t.first();
        InterceptionRow failed = t.steps().reversed().stream().filter(s -> s.errorType() != null || s.errorMessage() != null)
                .findFirst().orElse(null);
        return new ThreadView(t.id(), t.steps().stream().map(InterceptionRow::prompt).filter(Objects::nonNull).findFirst()
                .orElse(null), first.model(), first.provider(), first.providerName(), first.credentialKind(),
                first.credentialHint(), failed == null ? null : failed.errorType(),
                failed == null ? null : failed.errorMessage(), first.startedAt(), t.last().endedAt(),
                TokenUsageView.of(t.steps().stream().map(InterceptionRow::tokens).reduce(Tokens.ZERO, Tokens::plus)),
                t.steps().stream().map(s -> Action.of(s, details.getOrDefault(s.id(), Details.NONE))).toList());
    }

    /** One interception of the thread: what the model thought, the tools it called and the tokens it took. */
    public record Action(UUID interceptionId, String model, Instant startedAt, Instant endedAt, List<Thinking> thinking,
                         List<InterceptionView.ToolUsage> toolCalls, TokenUsageView tokenUsage) {
        static Action of(InterceptionRow r, Details d) {
            return new Action(r.id(), r.model(), r.startedAt(), r.endedAt(),
                    d.thoughts().stream().map(th -> new Thinking(th.content())).toList(),
                    d.toolCalls().stream().map(InterceptionView.ToolUsage::of).toList(), TokenUsageView.of(r.tokens()));
        }
    }

    /** One thought of the model. */
    public record Thinking(String text) {
    }
}
