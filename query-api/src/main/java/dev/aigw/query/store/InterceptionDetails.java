package dev.aigw.query.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One interception by id from {@code interceptions}, and the detail rows of interceptions from the per-interception
 * tables ({@code token_usages}, {@code prompts}, {@code tool_usages}, {@code model_thoughts}): a partition per
 * interception, a page's partitions named in one read per table, the tables read concurrently.
 */
public final class InterceptionDetails implements DetailReads {
    private static final int PARTITIONS_PER_READ = 100;

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
        tokenUsages = session.prepare("SELECT * FROM " + keyspace + ".token_usages WHERE interception_id IN ?");
        prompts = session.prepare("SELECT * FROM " + keyspace + ".prompts WHERE interception_id IN ?");
        toolUsages = session.prepare("SELECT * FROM " + keyspace + ".tool_usages WHERE interception_id IN ?");
        thoughts = session.prepare("SELECT * FROM " + keyspace + ".model_thoughts WHERE interception_id IN ?");
    }

    /** The interception with this id, if it started (its start event was recorded). */
    @Override
    public Optional<InterceptionRow> byId(UUID id) {
        return Optional.ofNullable(session.execute(byId.bind(id)).one())
                .filter(r -> r.getString("initiator_id") != null)
                .map(InterceptionRow::of);
    }

    /**
     * The details of each interception, by id, in the order given; thoughts only {@code withThoughts}. One read per
     * table names every partition of the page, so a page costs four round trips however many rows it has.
     */
    @Override
    public Map<UUID, Details> of(List<UUID> ids, boolean withThoughts) {
        var tokens = all(tokenUsages, ids, Details.TokenUsage::of, Details.TokenUsage::interceptionId);
        var said = all(prompts, ids, Details.Prompt::of, Details.Prompt::interceptionId);
        var tools = all(toolUsages, ids, Details.ToolCall::of, Details.ToolCall::interceptionId);
        var thought = withThoughts ? all(thoughts, ids, Details.Thought::of, Details.Thought::interceptionId)
                : CompletableFuture.completedFuture(Map.<UUID, List<Details.Thought>>of());
        CompletableFuture.allOf(tokens, said, tools, thought).join();
        Map<UUID, Details> found = new LinkedHashMap<>();
        for (UUID id : ids) {
            found.put(id, new Details(tokens.join().getOrDefault(id, List.of()), said.join().getOrDefault(id, List.of()),
                    tools.join().getOrDefault(id, List.of()), thought.join().getOrDefault(id, List.of())));
        }
        return found;
    }

    // Rows come back partition by partition, each in clustering (event) order. A long list of partitions (a big
    // session) is split so no single read makes the node gather too many at once.
    private <T> CompletableFuture<Map<UUID, List<T>>> all(PreparedStatement statement, List<UUID> ids,
                                                         Function<Row, T> mapper, Function<T, UUID> owner) {
        List<CompletableFuture<List<T>>> reads = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += PARTITIONS_PER_READ) {
            List<UUID> some = ids.subList(from, Math.min(ids.size(), from + PARTITIONS_PER_READ));
            reads.add(AsyncRows.all(session.executeAsync(statement.bind(some).setPageSize(5000)), mapper));
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> reads.stream()
                .flatMap(read -> read.join().stream()).collect(Collectors.groupingBy(owner)));
    }
}
