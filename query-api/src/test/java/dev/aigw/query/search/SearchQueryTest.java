package dev.aigw.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchQueryTest {

    @Test
    void shouldReadEveryTermWithQuotesAndZones() {
        SearchFilter filter = SearchQuery.parse("initiator:alice provider:anthropic provider_name:anthropic-corp "
                + "model:claude-sonnet-4-0 client:\"Claude Code\" session_id:s-1 "
                + "started_after:2026-11-01T00:00:00Z Started_Before:2026-11-02T01:00:00+01:00");

        assertThat(filter).isEqualTo(new SearchFilter(Optional.of("alice"), Optional.of("anthropic"),
                Optional.of("anthropic-corp"), Optional.of("claude-sonnet-4-0"),
                Optional.of("Claude Code"), Optional.of("s-1"),
                Optional.of(Instant.parse("2026-11-01T00:00:00Z")),
                Optional.of(Instant.parse("2026-11-02T00:00:00Z"))));
    }

    @Test
    void shouldTakeABareWordAsTheInitiatorAndBlankAsEverything() {
        assertThat(SearchQuery.parse("  me ").initiator()).hasValue("me");
        assertThat(SearchQuery.parse("")).isEqualTo(SearchFilter.ALL);
        assertThat(SearchQuery.parse(null)).isEqualTo(SearchFilter.ALL);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "colour:red|unknown search term \"colour\"",
        "model:a model:b|model is given more than once",
        "alice initiator:bob|initiator is given more than once",
        "provider:|has no value",
        "started_after:yesterday|started_after must be an RFC 3339 time",
        "started_after:2026-11-02T00:00:00Z started_before:2026-11-01T00:00:00Z|earlier than started_before",
        "client:\"Claude Code|unclosed quote"})
    void shouldNameTheTermAtFault(String q, String message) {
        assertThatThrownBy(() -> SearchQuery.parse(q)).isInstanceOf(SearchException.class).hasMessageContaining(message);
    }

    @Test
    void shouldKeepAMembersOwnFilterButForceTheInitiator() {
        SearchFilter asked = SearchQuery.parse("initiator:bob model:m");

        assertThat(asked.onlyOf("alice-id").initiator()).hasValue("alice-id");
        assertThat(asked.onlyOf("alice-id").model()).hasValue("m");
        assertThat(asked.canonical()).isNotEqualTo(asked.onlyOf("alice-id").canonical());
    }

    @Test
    void shouldRefuseEveryTimeOutsideTheFourDigitYearsNamingTheTerm() {
        List<String> bad = new ArrayList<>(List.of("99999-01-01T00:00:00Z", "+99999-01-01T00:00:00Z",
                "-5000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                "9999-12-31T23:00:00-05:00", "0000-01-01T00:00:00+05:00", "1700000000", "1700000000000",
                "99999999999999999999", "1e20", "-1", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-01",
                "2026-01-01T25:00:00Z", "2026-01-01T00:00:00", "T", "\"\"x", "2026-01-01T00:00:00Z" + "9".repeat(500)));
        // Years beyond four digits, of every length java.time would still read, with either sign.
        for (int digits = 5; digits <= 9; digits++) {
            bad.add("+" + "9".repeat(digits) + "-06-15T12:00:00Z");
            bad.add("-" + "1".repeat(digits) + "-06-15T12:00:00Z");
        }
        for (String term : List.of("started_after", "started_before")) {
            for (String value : bad) {
                assertThatThrownBy(() -> SearchQuery.parse(term + ":" + value)).as(value)
                        .isInstanceOf(SearchException.class)
                        .hasMessageContaining("search term " + term + " must be an RFC 3339 time")
                        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
            }
        }
    }

    @Test
    void shouldAcceptTheFirstAndLastTimesOfTheFourDigitYears() {
        SearchFilter filter = SearchQuery.parse("started_after:0000-01-01T00:00:00Z started_before:9999-12-31T23:59:59Z");

        assertThat(filter.startedAfter()).hasValue(Instant.parse("0000-01-01T00:00:00Z"));
        assertThat(filter.startedBefore()).hasValue(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void shouldTakeATermGivenAsAParameterWholeAndCountItWithQ() {
        SearchFilter filter = SearchQuery.parse("model:m", Map.of("started_after", "2026-11-01T00:00:00Z"));

        assertThat(filter.model()).hasValue("m");
        assertThat(filter.startedAfter()).hasValue(Instant.parse("2026-11-01T00:00:00Z"));
        // A parameter's value never becomes further terms.
        assertThatThrownBy(() -> SearchQuery.parse("", Map.of("started_after", "2026-11-01T00:00:00Z initiator:bob")))
                .isInstanceOf(SearchException.class).hasMessageContaining("started_after must be an RFC 3339 time");
        assertThatThrownBy(() -> SearchQuery.parse("started_after:2026-11-01T00:00:00Z",
                Map.of("started_after", "2026-11-02T00:00:00Z")))
                .isInstanceOf(SearchException.class).hasMessageContaining("started_after is given more than once");
        assertThatThrownBy(() -> SearchQuery.parse("", Map.of("started_before", "")))
                .isInstanceOf(SearchException.class).hasMessageContaining("has no value");
    }
}
