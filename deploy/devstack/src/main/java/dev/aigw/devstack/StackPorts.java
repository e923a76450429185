package dev.aigw.devstack;

import java.util.List;
import java.util.Map;

/** The loopback ports of every part, each overridable by the environment variable named beside its default. */
record StackPorts(int kafka, int kafkaController, int cassandra, int cassandraStorage,
                  int registry, int recorder, int query, int gateway) {
    static final String KAFKA = "CODER_AI_GATEWAY_KAFKA_PORT";
    static final String KAFKA_CONTROLLER = "CODER_AI_GATEWAY_KAFKA_CONTROLLER_PORT";
    static final String CASSANDRA = "CODER_AI_GATEWAY_CASSANDRA_PORT";
    static final String CASSANDRA_STORAGE = "CODER_AI_GATEWAY_CASSANDRA_STORAGE_PORT";
    static final String REGISTRY = "CODER_AI_GATEWAY_REGISTRY_PORT";
    static final String RECORDER = "CODER_AI_GATEWAY_RECORDER_PORT";
    static final String QUERY = "CODER_AI_GATEWAY_QUERY_PORT";
    static final String GATEWAY = "CODER_AI_GATEWAY_PORT";

    /** Reads the ports, adding one line to {@code problems} per invalid variable. */
    static StackPorts from(Map<String, String> env, List<String> problems) {
        return new StackPorts(
                port(env, KAFKA, 9092, problems), port(env, KAFKA_CONTROLLER, 9093, problems),
                port(env, CASSANDRA, 9042, problems), port(env, CASSANDRA_STORAGE, 7000, problems),
                port(env, REGISTRY, 8085, problems), port(env, RECORDER, 8082, problems),
                port(env, QUERY, 8081, problems), port(env, GATEWAY, 8080, problems));
    }

    /** The ports {@code part} listens on. */
    List<Integer> of(Part part) {
        return switch (part) {
            case KAFKA -> List.of(kafka, kafkaController);
            case CASSANDRA -> List.of(cassandra, cassandraStorage);
            case REGISTRY -> List.of(registry);
            case RECORDER -> List.of(recorder);
            case QUERY -> List.of(query);
            case GATEWAY -> List.of(gateway);
        };
    }

    private static int port(Map<String, String> env, String name, int fallback, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port > 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the allowed range.
        }
        problems.add(name + " must be a port from 1 to 65535, got '" + value + "'");
        return fallback;
    }
}
