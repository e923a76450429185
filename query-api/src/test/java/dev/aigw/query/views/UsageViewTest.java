package dev.aigw.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.query.search.SearchFilter;
import dev.aigw.query.store.Tokens;
import dev.aigw.query.store.UsageRow;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UsageViewTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-20");

    @Test
    void shouldSumRowsIntoGroupsSortedByKeyAndATotal() {
        Stream<UsageRow> rows = Stream.of(row("bob", "m1", 2, 10), row("alice", "m2", 1, 5), row("bob", "m2", 3, 7));

        UsageView byUser = UsageView.of(UsageView.GroupBy.USER, SearchFilter.ALL, rows);

        assertThat(byUser.results()).extracting(UsageView.Group::key).containsExactly("alice", "bob");
        assertThat(byUser.results().get(1).interceptions()).isEqualTo(5);
        assertThat(byUser.results().get(1).inputTokens()).isEqualTo(17);
        assertThat(byUser.results().get(1).username()).isEqualTo("bob-name");
        assertThat(byUser.total().interceptions()).isEqualTo(6);
        assertThat(byUser.total().inputTokens()).isEqualTo(22);
        assertThat(byUser.groupBy()).isEqualTo("user");
    }

    @Test
    void shouldGroupByProviderInstanceWithItsType() {
        UsageView byProvider = UsageView.of(UsageView.GroupBy.PROVIDER, SearchFilter.ALL,
                Stream.of(row("bob", "m1", 2, 10)));

        assertThat(byProvider.results().getFirst().key()).isEqualTo("anthropic-eu");
        assertThat(byProvider.results().getFirst().provider()).isEqualTo("anthropic");
        assertThat(byProvider.results().getFirst().username()).isNull();
    }

    private static UsageRow row(String user, String model, long interceptions, long input) {
        return new UsageRow(DAY, user, user + "-name", "anthropic", "anthropic-eu", model, interceptions,
                new Tokens(input, 1, 0, 0, 0));
    }
}
