package dev.aigw.schemas.config;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * Configuration values by name, under the primary {@code CODER_AI_GATEWAY_} prefix or the deprecated
 * {@code CODER_AIBRIDGE_} alias. A deprecated name is logged once when read.
 */
public final class Settings {
    /** Primary prefix of every variable. */
    public static final String PREFIX = "CODER_AI_GATEWAY_";
    /** Deprecated prefix, still honoured. */
    public static final String LEGACY_PREFIX = "CODER_AIBRIDGE_";
    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    /** Settings from a snapshot of environment variables. */
    public static Settings of(Map<String, String> env) {
        return new Settings(Objects.requireNonNull(env, "env"));
    }

    /** The value of {@code PREFIX + name}, else of {@code LEGACY_PREFIX + name}; blank counts as absent. */
    public Optional<String> get(String name) {
        String primary = values.get(PREFIX + name);
        if (primary != null && !primary.isBlank()) {
            return Optional.of(primary.strip());
        }
        String legacy = values.get(LEGACY_PREFIX + name);
        if (legacy != null && !legacy.isBlank()) {
            LOG.warning(LEGACY_PREFIX + name + " is deprecated; use " + PREFIX + name);
            return Optional.of(legacy.strip());
        }
        return Optional.empty();
    }

    /** The value or a default. */
    public String get(String name, String defaultValue) {
        return get(name).orElse(defaultValue);
    }

    /** An integer value or a default; a malformed value is added to {@code problems} and 0 returned. */
    public int integer(String name, int defaultValue, List<String> problems) {
        String value = get(name, String.valueOf(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(PREFIX + name + " must be an integer, got \"" + value + "\"");
            return 0;
        }
    }

    /** A {@code true}/{@code false} value or a default; anything else is added to {@code problems}. */
    public boolean bool(String name, boolean defaultValue, List<String> problems) {
        String value = get(name, String.valueOf(defaultValue)).toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(PREFIX + name + " must be true or false, got \"" + value + "\"");
        }
        return value.equals("true");
    }

    /** A comma-separated {@code host:port} list, e.g. Cassandra contact points; malformed entries go to {@code problems}. */
    public List<InetSocketAddress> addresses(String name, String defaultValue, List<String> problems) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : get(name, defaultValue).split(",")) {
            String e = entry.strip();
            int colon = e.lastIndexOf(':');
            try {
                addresses.add(InetSocketAddress.createUnresolved(e.substring(0, colon), Integer.parseInt(e.substring(colon + 1))));
            } catch (RuntimeException ex) {
                problems.add(PREFIX + name + " entry \"" + e + "\" is not host:port");
            }
        }
        return addresses;
    }

    /** Every variable name present, with both prefixes. */
    public Map<String, String> all() {
        return values;
    }
}
