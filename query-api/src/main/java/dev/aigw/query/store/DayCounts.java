package dev.aigw.query.store;

import dev.aigw.query.search.SearchFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Totals of a listing summed from per-day counts, read concurrently. The count of a day that is over (before today,
 * UTC) and wholly inside the search's range is kept for a while ({@code CODER_AI_GATEWAY_QUERY_COUNT_KEEP}, a minute by
 * default): such a day only changes when late events arrive, so a total is at most that long behind on them, while the
 * rows of any page are always read fresh.
 */
public final class DayCounts {
    private static final int MAX_KEPT = 100_000;
    private static final int DAYS_AT_ONCE = 8;

    private final Clock clock;
    private final Duration keep;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    private record Kept(long count, Instant at) {
    }

    // keepAs is empty for a count that is not kept.
    private record Asked(String keepAs, CompletableFuture<Long> count) {
    }

    /** Counts of past days kept for {@code keep} (zero: never kept), by the given clock's time. */
    public DayCounts(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    /**
     * The sum over {@code days} of {@code count}, which counts the matches of {@code filter} on one day within its
     * range; {@code view} names what is counted. At most {@code DAYS_AT_ONCE} days are read at a time, so one search
     * over many days does not flood the node with partition reads.
     */
    long total(String view, SearchFilter filter, List<LocalDate> days, Function<LocalDate, CompletionStage<Long>> count) {
        Instant now = clock.instant();
        LocalDate today = ActiveDays.day(now);
        String search = view + "\u001e" + filter.within(Optional.empty(), Optional.empty()).canonical() + "\u001e";
        long total = 0;
        List<Asked> asked = new ArrayList<>();
        for (LocalDate day : days) {
            boolean kept = !keep.isZero() && day.isBefore(today) && whole(day, filter);
            Kept known = kept ? recall(search + day, now) : null;
            if (known != null) {
                total += known.count();
            } else {
                if (asked.size() >= DAYS_AT_ONCE) {
                    asked.get(asked.size() - DAYS_AT_ONCE).count().join();
                }
                asked.add(new Asked(kept ? search + day : "", count.apply(day).toCompletableFuture()));
            }
        }
        for (Asked a : asked) {
            long counted = a.count().join();
            if (!a.keepAs().isEmpty()) {
                remember(a.keepAs(), new Kept(counted, now));
            }
            total += counted;
        }
        return total;
    }

    /** Whether the filter's range covers all of {@code day}. */
    static boolean whole(LocalDate day, SearchFilter filter) {
        return filter.startedAfter().map(a -> !a.isAfter(start(day))).orElse(true)
                && filter.startedBefore().map(b -> !b.isBefore(start(day.plusDays(1)))).orElse(true);
    }

    /** The start of the filter's range within {@code day}. */
    static Instant from(LocalDate day, SearchFilter filter) {
        return filter.startedAfter().filter(a -> a.isAfter(start(day))).orElse(start(day));
    }

    /** The end (exclusive) of the filter's range within {@code day}. */
    static Instant to(LocalDate day, SearchFilter filter) {
        Instant end = start(day.plusDays(1));
        return filter.startedBefore().filter(b -> b.isBefore(end)).orElse(end);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private synchronized Kept recall(String key, Instant now) {
        Kept k = kept.get(key);
        return k != null && k.at().plus(keep).isAfter(now) ? k : null;
    }

    private synchronized void remember(String key, Kept k) {
        kept.put(key, k);
    }
}
