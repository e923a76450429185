package dev.aigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RealStackTest {

    @Test
    void shouldMakeDistinctValidNamesWhenThePrefixIsAwkward() {
        Set<String> names = new HashSet<>();
        for (String prefix : new String[] {"Orders.V1-Topic", "", "9lives", "x".repeat(100), "_under"}) {
            String name = RealStack.unique(prefix);
            assertThat(name).matches("[a-z][a-z0-9_]{0,47}");
            names.add(name);
        }
        names.add(RealStack.unique("Orders.V1-Topic"));
        assertThat(names).hasSize(6);
        assertThat(RealStack.unique("Orders.V1-Topic")).startsWith("orders_v1_topic_");
    }

    @Test
    void shouldReturnTheFirstNonNullValueWhenPolling() {
        AtomicInteger calls = new AtomicInteger();
        String value = RealStack.await(Duration.ofSeconds(5), () -> calls.incrementAndGet() < 3 ? null : "done");
        assertThat(value).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldFailWithTheLastErrorWhenTheConditionNeverHolds() {
        IllegalStateException cause = new IllegalStateException("still wrong");
        assertThatThrownBy(() -> RealStack.await(Duration.ofMillis(200), () -> {
            throw cause;
        })).isInstanceOf(AssertionError.class).hasCause(cause);
    }
}
