package dev.aigw.testkit;

import java.util.concurrent.atomic.AtomicReference;

/** The bootstrap the first IT class of this JVM saw, so later classes can check they got the same broker. */
final class SharedBroker {
    static final AtomicReference<String> FIRST_SEEN = new AtomicReference<>();

    private SharedBroker() {
    }

    /** Records the current bootstrap if it is the first, and returns the first one seen in this JVM. */
    static String firstSeen() {
        FIRST_SEEN.compareAndSet(null, RealStack.kafkaBootstrap());
        return FIRST_SEEN.get();
    }
}
