package dev.aigw.query.views;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.aigw.query.search.SearchFilter;
import dev.aigw.query.store.Tokens;
import dev.aigw.query.store.UsageRow;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Usage totals of a search, in all and per group, groups sorted by key.
 *
 * @param groupBy       what a group is
 * @param startedAfter  the range's start, if any
 * @param startedBefore the range's end, if any
 * @param total         all groups together
 * @param results       one per group
 */
public record UsageView(String groupBy, Instant startedAfter, Instant startedBefore, Group total, List<Group> results) {
    /** What usage is grouped by: person, provider instance, model or UTC day. */
    public enum GroupBy { USER, PROVIDER, MODEL, DAY }

    /**
     * Usage of one group.
     *
     * @param key      the user id, provider instance name, model or day (yyyy-mm-dd)
     * @param username the person's username, when grouped by user
     * @param provider the provider type, when grouped by provider instance
     */
    public record Group(String key, @JsonInclude(JsonInclude.Include.NON_NULL) String username,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String provider, long interceptions, long inputTokens,
                        long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens, long reasoningTokens) {
        Group plus(UsageRow u) {
            Tokens t = new Tokens(inputTokens, outputTokens, cacheReadInputTokens, cacheWriteInputTokens, reasoningTokens)
                    .plus(u.tokens());
            return new Group(key, username, provider, interceptions + u.interceptions(), t.input(), t.output(),
                    t.cacheRead(), t.cacheWrite(), t.reasoning());
        }
    }

    /** Sums usage rows into groups; reads the rows once, holding one total per group. */
    public static UsageView of(GroupBy groupBy, SearchFilter filter, Stream<UsageRow> rows) {
        Function<UsageRow, Group> empty = switch (groupBy) {
            case USER -> u -> new Group(u.initiatorId(), u.initiatorUsername(), null, 0, 0, 0, 0, 0, 0);
            case PROVIDER -> u -> new Group(u.providerName(), null, u.provider(), 0, 0, 0, 0, 0, 0);
            case MODEL -> u -> new Group(u.model(), null, null, 0, 0, 0, 0, 0, 0);
            case DAY -> u -> new Group(u.day().toString(), null, null, 0, 0, 0, 0, 0, 0);
        };
        Map<String, Group> groups = new TreeMap<>();
        Group total = new Group("total", null, null, 0, 0, 0, 0, 0, 0);
        for (Iterator<UsageRow> it = rows.iterator(); it.hasNext(); ) {
            UsageRow u = it.next();
            Group zero = empty.apply(u);
            groups.merge(zero.key(), zero.plus(u), (sum, ignored) -> sum.plus(u));
            total = total.plus(u);
        }
        return new UsageView(groupBy.name().toLowerCase(Locale.ROOT), filter.startedAfter().orElse(null),
                filter.startedBefore().orElse(null), total, List.copyOf(groups.values()));
    }
}
