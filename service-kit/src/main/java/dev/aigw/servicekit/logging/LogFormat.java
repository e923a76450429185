package dev.aigw.servicekit.logging;

import dev.aigw.servicekit.config.Settings;
import io.helidon.logging.common.LogConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * How a service's process logs: one line per record, JSON when {@code CODER_AI_GATEWAY_LOG_JSON=true} (or its flag or
 * YAML key), else text; and a log manager that keeps logging through the shutdown ({@link ShutdownLogManager}).
 *
 * <p>No logger is held in a static field here: initializing this class must not initialize the JDK's log manager,
 * which {@link #keepLoggingThroughShutdown()} has to name first.
 */
public final class LogFormat {
    /** The option, without prefix, that turns JSON lines on. */
    public static final String LOG_JSON = "LOG_JSON";

    private LogFormat() {
    }

    /**
     * Names {@link ShutdownLogManager} as the JDK's log manager. Call it first in a main, before anything logs: the JDK
     * reads the choice once, when its log manager is first used. Naming the class by its literal does not initialize
     * it (initializing any {@code LogManager} would read the property too early).
     */
    public static void keepLoggingThroughShutdown() {
        System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
    }

    /**
     * Sets the format of every root handler. Call it right after loading the settings, so that configuration warnings
     * come out in the chosen format too. A malformed value is not fatal here: the process logs as text and says so (the
     * service's configuration then refuses the value, see {@link #check}).
     */
    public static void configure(Settings settings) {
        LogConfig.configureRuntime();
        List<String> problems = new ArrayList<>();
        boolean json = settings.bool(LOG_JSON, false, problems);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new LineFormatter(json));
        }
        Logger log = Logger.getLogger(LogFormat.class.getName());
        problems.forEach(problem -> log.warning(problem + "; logging as text"));
    }

    /** Adds a malformed {@code LOG_JSON} to {@code problems}, so that a bad value or its flag fail like any option's. */
    public static void check(Settings settings, List<String> problems) {
        settings.bool(LOG_JSON, false, problems);
    }
}
