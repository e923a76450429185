package dev.aigw.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageRequestTest {
    private static final PageRequest.Limits LIMITS = new PageRequest.Limits(100, 1000);

    private static PageRequest of(String limit, String after, String offset) {
        return PageRequest.of(Optional.ofNullable(limit), Optional.ofNullable(after), Optional.ofNullable(offset), LIMITS,
                "after_id");
    }

    @Test
    void shouldDefaultToTheFirstPageOfTheDefaultSize() {
        assertThat(of(null, null, null)).isEqualTo(new PageRequest(100, Optional.empty(), 0));
        assertThat(of("1000", "c", null)).isEqualTo(new PageRequest(1000, Optional.of("c"), 0));
        assertThat(of("1", null, "20")).isEqualTo(new PageRequest(1, Optional.empty(), 20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "0|-|-|limit must be an integer from 1 to 1000, got \"0\"",
        "1001|-|-|limit must be an integer from 1 to 1000",
        "ten|-|-|limit must be an integer",
        "-|c|5|after_id and offset cannot be used together",
        "-|-|-1|offset must be an integer from 0 up",
        "-|' '|-|after_id must not be empty"})
    void shouldRefuseWithTheParameterNamed(String limit, String after, String offset, String message) {
        assertThatThrownBy(() -> of(limit, after, offset)).isInstanceOf(PagingException.class).hasMessageStartingWith(message);
    }
}
