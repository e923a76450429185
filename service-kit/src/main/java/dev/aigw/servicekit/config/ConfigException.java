package dev.aigw.servicekit.config;

import java.util.List;

/** Configuration that cannot start a service; the message has one line per problem. */
public final class ConfigException extends RuntimeException {
    /** Creates the exception from every problem found. */
    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
    }
}
