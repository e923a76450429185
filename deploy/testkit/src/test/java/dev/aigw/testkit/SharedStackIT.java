package dev.aigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealStack.class)
class SharedStackIT {

    @Test
    void shouldUseTheBrokerEveryOtherClassUses() {
        assertThat(RealStack.kafkaBootstrap()).isEqualTo(SharedBroker.firstSeen());
    }

    @Test
    void shouldStartOneBrokerWhenManyThreadsAskAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> asks = IntStream.range(0, 4).<Callable<String>>mapToObj(i -> RealStack::kafkaBootstrap).toList();
            Set<String> seen = pool.invokeAll(asks).stream().map(SharedStackIT::join).collect(Collectors.toSet());
            assertThat(seen).containsExactly(SharedBroker.firstSeen());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String join(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
