package dev.aigw.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes the started engines, newest first: when the test plan ends, or at JVM exit if the kit was used without it. */
final class Shutdown {
    private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::closeAll, "testkit-shutdown"));
    }

    private Shutdown() {
    }

    static synchronized void register(AutoCloseable engine) {
        OPEN.push(engine);
    }

    // Closes outside the lock: an engine's own lock is taken in the opposite order when it starts.
    static void closeAll() {
        for (AutoCloseable engine = next(); engine != null; engine = next()) {
            try {
                engine.close();
            } catch (Exception e) {
                System.err.println("testkit: closing " + engine + " failed: " + e);
            }
        }
    }

    private static synchronized AutoCloseable next() {
        return OPEN.poll();
    }
}
