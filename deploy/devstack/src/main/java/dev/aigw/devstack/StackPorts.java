package dev.aigw.devstack;

import java.util.List;
import java.util.Map;

/**
 * The loopback ports of every part, each overridable by the environment variable named beside its default. In a
 * cluster, node i (1..) of a part listens on {@link #node}: brokers step by two from the broker and controller ports,
 * recorders by one from the recorder port, and the gateway and query API nodes sit behind the balancer, which takes
 * their usual ports, from 8180 and 8190 (overridable too). Cassandra nodes share their ports on addresses 127.0.0.1..3.
 */
record StackPorts(int kafka, int kafkaController, int cassandra, int cassandraStorage,
                  int registry, int recorder, int query, int gateway, int gatewayNodes, int queryNodes, int siem) {
    static final String KAFKA = "CODER_AI_GATEWAY_KAFKA_PORT";
    static final String KAFKA_CONTROLLER = "CODER_AI_GATEWAY_KAFKA_CONTROLLER_PORT";
    static final String CASSANDRA = "CODER_AI_GATEWAY_CASSANDRA_PORT";
    static final String CASSANDRA_STORAGE = "CODER_AI_GATEWAY_CASSANDRA_STORAGE_PORT";
    static final String REGISTRY = "CODER_AI_GATEWAY_REGISTRY_PORT";
    static final String RECORDER = "CODER_AI_GATEWAY_RECORDER_PORT";
    static final String QUERY = "CODER_AI_GATEWAY_QUERY_PORT";
    static final String GATEWAY = "CODER_AI_GATEWAY_PORT";
    static final String GATEWAY_NODES = "CODER_AI_GATEWAY_GATEWAY_NODES_PORT";
    static final String QUERY_NODES = "CODER_AI_GATEWAY_QUERY_NODES_PORT";
    static final String SIEM = "CODER_AI_GATEWAY_SIEM_PORT";

    /** The port of node {@code n} (1..) of {@code part} in a cluster; a part's own port when it runs alone. */
    int node(Part part, int n, boolean cluster) {
        if (!cluster) {
            return of(part).getFirst();
        }
        return switch (part) {
            case KAFKA -> kafka + 2 * (n - 1);
            case CASSANDRA -> cassandra;
            case REGISTRY -> registry;
            case RECORDER -> recorder + n - 1;
            case QUERY -> queryNodes + n - 1;
            case GATEWAY -> gatewayNodes + n - 1;
            case SIEM -> siem;
        };
    }

    /** The controller port of broker {@code n} (1..). */
    int kafkaController(int n) {
        return kafkaController + 2 * (n - 1);
    }

    /** Reads the ports, adding one line to {@code problems} per invalid variable. */
    static StackPorts from(Map<String, String> env, List<String> problems) {
        return new StackPorts(
                port(env, KAFKA, 9092, problems), port(env, KAFKA_CONTROLLER, 9093, problems),
                port(env, CASSANDRA, 9042, problems), port(env, CASSANDRA_STORAGE, 7000, problems),
                port(env, REGISTRY, 8085, problems), port(env, RECORDER, 8082, problems),
                port(env, QUERY, 8081, problems), port(env, GATEWAY, 8080, problems),
                port(env, GATEWAY_NODES, 8180, problems), port(env, QUERY_NODES, 8190, problems),
                port(env, SIEM, 8086, problems));
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
            case SIEM -> List.of(siem);
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
