package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * One interception by id from {@code interceptions}, and the detail rows of interceptions from the per-interception
 * tables ({@code token_usages}, {@code prompts}, {@code tool_usages}, {@code model_thoughts}): each a single partition,
 * all read concurrently.
 */
public final class InterceptionDetails {
    private final CqlSession session;
    private final PreparedStatement byId;
    private final PreparedStatement tokenUsages;
    private final PreparedStatement prompts;
    private final PreparedStatement toolUsages;
    private final PreparedStatement thoughts;

    /** Prepares every statement once against the keyspace. */
    public InterceptionDetails(CqlSession session, String keyspace) {
        this.session = session;
        byId = session.prepare("SELECT * FROM " + keyspace + ".interceptions WHERE interception_id = ?");
        tokenUsages = session.prepare("SELECT * FROM " + keyspace + ".token_usages WHERE interception_id = ?");
        prompts = session.prepare("SELECT * FROM " + keyspace + ".prompts WHERE interception_id = ?");
        toolUsages = session.prepare("SELECT * FROM " + keyspace + ".tool_usages WHERE interception_id = ?");
        thoughts = session.prepare("SELECT * FROM " + keyspace + ".model_thoughts WHERE interception_id = ?");
    }

    /** The interception with this id, if it started (its start event was recorded). */
    public Optional<InterceptionRow> byId(UUID id) {
        return Optional.ofNullable(session.execute(byId.bind(id)).one())
                .filter(r -> r.getString("initiator_id") != null)
                .map(InterceptionRow::of);
    }

    /** The details of each interception, by id, in the order given; thoughts only {@code withThoughts}. */
    public Map<UUID, Details> of(List<UUID> ids, boolean withThoughts) {
        Map<UUID, CompletableFuture<Details>> pending = new LinkedHashMap<>();
        for (UUID id : ids) {
            var tokens = all(tokenUsages, id, Details.TokenUsage::of);
            var said = all(prompts, id, Details.Prompt::of);
            var tools = all(toolUsages, id, Details.ToolCall::of);
            var thought = withThoughts ? all(thoughts, id, Details.Thought::of)
                    : CompletableFuture.completedFuture(List.<Details.Thought>of());
            pending.put(id, CompletableFuture.allOf(tokens, said, tools, thought)
                    .thenApply(done -> new Details(tokens.join(), said.join(), tools.join(), thought.join())));
        }
        Map<UUID, Details> found = new LinkedHashMap<>();
        pending.forEach((id, details) -> found.put(id, details.join()));
        return found;
    }

    private <T> CompletableFuture<List<T>> all(PreparedStatement statement, UUID id, Function<Row, T> mapper) {
        return collect(session.executeAsync(statement.bind(id)), mapper, new ArrayList<>()).toCompletableFuture();
    }

    // A detail partition holds a handful of rows, but follow further pages rather than assume it fits in one.
    private static <T> CompletionStage<List<T>> collect(CompletionStage<AsyncResultSet> stage, Function<Row, T> mapper,
                                                        List<T> into) {
        return stage.thenCompose(page -> {
            page.currentPage().forEach(row -> into.add(mapper.apply(row)));
            return page.hasMorePages() ? collect(page.fetchNextPage(), mapper, into)
                    : CompletableFuture.completedFuture(into);
        });
    }
}
