package dev.aigw.devstack;

import java.util.Locale;

/** The parts of the stack, in start order; they stop in reverse. */
enum Part {
    KAFKA("kafka"),
    CASSANDRA("cassandra"),
    REGISTRY("schema-registry"),
    RECORDER("recorder"),
    QUERY("query-api"),
    GATEWAY("gateway"),
    SIEM("siem-stream");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    /** The name used for its log file, its pid file and in messages. */
    String label() {
        return label;
    }

    /** The part called {@code label}, for {@code --only}. */
    static Part of(String label) {
        for (Part part : values()) {
            if (part.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
                return part;
            }
        }
        throw new IllegalArgumentException("unknown part '" + label + "'; parts: kafka, cassandra, schema-registry,"
                + " recorder, query-api, gateway, siem-stream");
    }
}
