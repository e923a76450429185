package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final long MILLIS = 1_795_000_000_123L;

    @Test
    void shouldBeVersion7UuidsCarryingTheirMillisecond() {
        UUID id = UUID.fromString(Ids.next(MILLIS));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(MILLIS);
    }

    @Test
    void shouldSortByTimeAndNotRepeatWithinAMillisecond() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.next(MILLIS));
        }

        assertThat(ids).hasSize(100_000);
        assertThat(Ids.next(MILLIS)).isLessThan(Ids.next(MILLIS + 1));
    }
}
