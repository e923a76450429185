package dev.aigw.servicekit.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Warns about deprecated names. The set of names already warned about is per process, not per {@link Settings}: one
 * process may read its configuration more than once (a gateway and a query API in one test JVM, a restart in place),
 * and operators asked for one line per name.
 */
public final class Deprecation {
    private static final Logger LOG = Logger.getLogger(Deprecation.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Deprecation() {
    }

    /** Logs {@code "<deprecated> is deprecated; use <replacement>"} the first time {@code deprecated} is seen. */
    public static void warnOnce(String deprecated, String replacement) {
        if (WARNED.add(deprecated)) {
            LOG.warning(deprecated + " is deprecated; use " + replacement);
        }
    }
}
