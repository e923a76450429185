package dev.aigw.query.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.query.search.SearchFilter;
import dev.aigw.query.search.SearchQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class DayCountsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @Test
    void shouldKeepTheCountsOfWholePastDaysAndAskAgainForTodayAndCutDays() {
        DayCounts counts = new DayCounts(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));
        SearchFilter filter = SearchQuery.parse("started_after:2026-11-20T12:00:00Z model:m");
        List<LocalDate> days = List.of(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3));
        List<LocalDate> asked = new ArrayList<>();

        long first = counts.total("v", filter, days, day -> {
            asked.add(day);
            return CompletableFuture.completedFuture(10L);
        });
        long second = counts.total("v", filter, days, day -> {
            asked.add(day);
            return CompletableFuture.completedFuture(1L);
        });

        assertThat(first).isEqualTo(40);
        assertThat(second).isEqualTo(10 + 10 + 1 + 1);
        assertThat(asked).containsExactly(TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3),
                TODAY, TODAY.minusDays(3));
    }

    @Test
    void shouldAskForEveryDayEveryTimeWhenNothingIsKept() {
        DayCounts counts = new DayCounts(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);
        List<LocalDate> asked = new ArrayList<>();

        for (int i = 0; i < 2; i++) {
            counts.total("v", SearchFilter.ALL, List.of(TODAY.minusDays(2)), day -> {
                asked.add(day);
                return CompletableFuture.completedFuture(1L);
            });
        }

        assertThat(asked).hasSize(2);
    }

    @Test
    void shouldClipARangeToADay() {
        SearchFilter filter = SearchQuery.parse("started_after:2026-11-20T12:00:00Z started_before:2026-11-21T06:00:00Z");
        LocalDate cut = LocalDate.parse("2026-11-20");

        assertThat(DayCounts.whole(cut, filter)).isFalse();
        assertThat(DayCounts.from(cut, filter)).isEqualTo(Instant.parse("2026-11-20T12:00:00Z"));
        assertThat(DayCounts.to(cut, filter)).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
        assertThat(DayCounts.to(cut.plusDays(1), filter)).isEqualTo(Instant.parse("2026-11-21T06:00:00Z"));
        assertThat(DayCounts.whole(cut, SearchFilter.ALL)).isTrue();
    }
}
