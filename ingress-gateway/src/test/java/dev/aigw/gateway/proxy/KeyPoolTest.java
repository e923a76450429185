package dev.aigw.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPoolTest {
    private final MutableClock clock = new MutableClock();
    private final KeyPool pool = new KeyPool(List.of("k1", "k2", "k3"), clock);

    @Test
    void shouldSkipACoolingKeyUntilItsTimeIsUp() {
        pool.rateLimited("k1", Duration.ofSeconds(30));

        assertThat(pool.usable()).containsExactly("k2", "k3");
        clock.advance(Duration.ofSeconds(30));
        assertThat(pool.usable()).containsExactly("k1", "k2", "k3");
    }

    @Test
    void shouldNeverShortenACoolDown() {
        pool.rateLimited("k1", Duration.ofSeconds(60));
        pool.rateLimited("k1", Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(10));
        assertThat(pool.usable()).doesNotContain("k1");
    }

    @Test
    void shouldLeaveARefusedKeyOutForGood() {
        pool.refused("k2");
        clock.advance(Duration.ofDays(1));

        assertThat(pool.usable()).containsExactly("k1", "k3");
    }

    @Test
    void shouldSayWhenTheFirstCoolingKeyIsFreeAndNothingWhenAllAreRefused() {
        pool.rateLimited("k1", Duration.ofSeconds(40));
        pool.rateLimited("k2", Duration.ofSeconds(20));
        pool.refused("k3");

        assertThat(pool.usable()).isEmpty();
        assertThat(pool.nextFree()).hasValue(Duration.ofSeconds(20));
        pool.refused("k1");
        pool.refused("k2");
        assertThat(pool.nextFree()).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
