package dev.aigw.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/** Closes what the kit started, newest first, when the test JVM exits. */
final class Shutdown {
    private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::closeAll, "testkit-shutdown"));
    }

    private Shutdown() {
    }

    /** Registers {@code resource} to be closed at exit and returns it. */
    static synchronized <T extends AutoCloseable> T atExit(T resource) {
        OPEN.push(resource);
        return resource;
    }

    static synchronized void closeAll() {
        while (!OPEN.isEmpty()) {
            AutoCloseable resource = OPEN.pop();
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("testkit: closing " + resource + " failed: " + e);
            }
        }
    }
}
