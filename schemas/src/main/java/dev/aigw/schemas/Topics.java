package dev.aigw.schemas;

/** Kafka topic names shared by every service; each can be overridden per deployment through configuration. */
public final class Topics {
    /** Interception events, key = interception id, value = {@code InterceptionEvent} in the Confluent wire format. */
    public static final String INTERCEPTIONS = "aigw.interceptions.v1";
    /** Events the recorder could not decode or accept, with the reason in headers. */
    public static final String INTERCEPTIONS_DLQ = "aigw.interceptions.dlq.v1";
    /** Gateway keys (compacted), key = key id. */
    public static final String CONTROL_KEYS = "aigw.control.keys.v1";
    /** Provider configuration (compacted), key = provider instance name. */
    public static final String CONTROL_PROVIDERS = "aigw.control.providers.v1";
    /** Registered schemas of the dev schema registry (compacted). */
    public static final String SCHEMAS = "_schemas";

    private Topics() {
    }

    /** The registry subject of a topic's values under the TopicNameStrategy. */
    public static String valueSubject(String topic) {
        return topic + "-value";
    }
}
