package dev.aigw.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment that points a gateway, recorder and query API started in the test JVM at the shared engines, with
 * topics, keyspace and application id of their own. Providers, the master key and the admin token are the caller's.
 */
public final class StackEnv {
    private StackEnv() {
    }

    /**
     * A fresh, mutable environment: every service on an ephemeral port, the event topic created with
     * {@code eventPartitions} partitions, the control topics with one, a new keyspace and recorder state directory.
     */
    public static Map<String, String> create(int eventPartitions) {
        String events = RealStack.unique("events");
        String keys = RealStack.unique("keys");
        String providers = RealStack.unique("providers");
        RealStack.createTopics(eventPartitions, events);
        // Created up front: a control-topic view that finds its topic without partitions yet polls unassigned and
        // stops, so a service that follows it would never become ready.
        RealStack.createTopics(1, keys, providers);
        Map<String, String> env = new HashMap<>();
        env.put("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap());
        env.put("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString());
        env.put("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", events);
        env.put("CODER_AI_GATEWAY_INTERCEPTIONS_DLQ_TOPIC", RealStack.unique("dlq"));
        env.put("CODER_AI_GATEWAY_RECORDER_ROWS_TOPIC", RealStack.unique("rows"));
        env.put("CODER_AI_GATEWAY_RECORDER_APPLICATION_ID", RealStack.unique("recorder"));
        env.put("CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", keys);
        env.put("CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", providers);
        env.put("CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", RealStack.cassandraContactPoint());
        env.put("CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", RealStack.unique("audit"));
        env.put("CODER_AI_GATEWAY_PORT", "0");
        env.put("CODER_AI_GATEWAY_RECORDER_PORT", "0");
        env.put("CODER_AI_GATEWAY_QUERY_PORT", "0");
        env.put("CODER_AI_GATEWAY_DATA_DIR", tempDirectory("recorder-state"));
        return env;
    }

    /** A new empty directory under the system's temporary one. */
    public static String tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
