package dev.aigw.query.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageTest {
    private static final PageRequest.Limits LIMITS = new PageRequest.Limits(3, 10);

    @Test
    void shouldTakeThePageAfterTheOffsetAndSayWhetherMoreFollow() {
        Page<Integer> page = Page.of(IntStream.range(0, 10).boxed(),
                PageRequest.of(Optional.empty(), Optional.empty(), Optional.of("2"), LIMITS, "after_id"));

        assertThat(page.items()).containsExactly(2, 3, 4);
        assertThat(page.resumeAfter()).hasValue(4);
    }

    @Test
    void shouldEndWithoutAResumePointOnTheLastPage() {
        Page<Integer> page = Page.of(IntStream.range(0, 5).boxed(),
                PageRequest.of(Optional.of("5"), Optional.empty(), Optional.empty(), LIMITS, "after_id"));

        assertThat(page.items()).containsExactly(0, 1, 2, 3, 4);
        assertThat(page.more()).isFalse();
        assertThat(page.resumeAfter()).isEmpty();
    }

    @Test
    void shouldReadOnlyOneRowPastThePage() {
        int[] read = {0};
        Page.of(IntStream.range(0, 1000).boxed().peek(i -> read[0]++),
                PageRequest.of(Optional.of("3"), Optional.empty(), Optional.empty(), LIMITS, "after_id"));

        assertThat(read[0]).isEqualTo(4);
    }
}
