package dev.aigw.gateway.logging;

import dev.aigw.servicekit.config.Settings;
import io.helidon.logging.common.LogConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Logger;

/**
 * How the process logs: one line per record, JSON when {@code CODER_AI_GATEWAY_LOG_JSON=true} (or its flag or YAML
 * key), else text.
 */
public final class LogFormat {
    // The variable, without prefix, that turns JSON lines on.
    private static final String LOG_JSON = "LOG_JSON";
    private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());

    private LogFormat() {
    }

    /**
     * Sets the format of every root handler. Call it first in a main, so that configuration warnings come out in the
     * chosen format too. A malformed value is not fatal: the gateway logs as text and says so.
     */
    public static void configure(Map<String, String> env, List<String> args) {
        LogConfig.configureRuntime();
        List<String> problems = new ArrayList<>();
        // Problems with other options are the configuration's to report; only this option's are ours.
        boolean json = Settings.load(env, args, new ArrayList<>()).bool(LOG_JSON, false, problems);
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.setFormatter(new LineFormatter(json));
        }
        problems.forEach(problem -> LOG.warning(problem + "; logging as text"));
    }
}
