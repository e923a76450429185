package dev.aigw.servicekit.logging;

import java.util.logging.LogManager;

/**
 * The JDK's log manager closes every handler in a shutdown hook of its own, which runs alongside the service's, so
 * what a service logs while it drains requests, flushes events or commits rows would be lost. This one ignores resets
 * once the JVM is shutting down; the handlers, which flush each line, stay usable until the process ends. Installed by
 * {@link LogFormat#keepLoggingThroughShutdown()}, which names it in the system property
 * {@code java.util.logging.manager} before anything logs (by its class literal, which does not initialize it:
 * initializing any {@code LogManager} reads that property).
 */
public final class ShutdownLogManager extends LogManager {
    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    // The runtime refuses new shutdown hooks once shutdown has begun; that is the only public sign of it.
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
