package dev.aigw.registry;

import static java.util.Objects.requireNonNull;

import dev.aigw.servicekit.kafka.KafkaEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings of one registry instance.
 *
 * @param host          interface to listen on
 * @param port          port to listen on, 0 for an ephemeral one
 * @param kafkaBootstrap Kafka bootstrap servers
 * @param topic         compacted topic that stores the schemas
 * @param replication   replication factor used when the registry creates the topic, and the least an existing one
 *                      must have
 * @param minInSync     the topic's {@code min.insync.replicas} when the registry creates it
 */
public record RegistryConfig(String host, int port, String kafkaBootstrap, String topic, short replication, int minInSync) {
    static final String HOST = "CODER_AI_GATEWAY_REGISTRY_HOST";
    static final String PORT = "CODER_AI_GATEWAY_REGISTRY_PORT";
    static final String BOOTSTRAP = "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP";
    static final String TOPIC = "CODER_AI_GATEWAY_REGISTRY_TOPIC";
    static final String REPLICATION = "CODER_AI_GATEWAY_REGISTRY_REPLICATION";
    // The services' pair: the registry's topic is replicated like every other topic of the project unless told otherwise.
    static final String KAFKA_REPLICATION = "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR";
    static final String KAFKA_MIN_INSYNC = "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS";

    /** Validates the settings. */
    public RegistryConfig {
        requireNonNull(host, "host");
        requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        requireNonNull(topic, "topic");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (replication < 1) {
            throw new IllegalArgumentException("replication must be at least 1, got " + replication);
        }
        if (minInSync < 1 || minInSync > replication) {
            throw new IllegalArgumentException("min.insync.replicas must be from 1 to the replication factor " + replication
                    + ", got " + minInSync);
        }
    }

    /** Settings with replication factor 1, as a single dev broker needs. */
    public RegistryConfig(String host, int port, String kafkaBootstrap, String topic) {
        this(host, port, kafkaBootstrap, topic, (short) 1);
    }

    /** Settings with {@code min.insync.replicas} 1. */
    public RegistryConfig(String host, int port, String kafkaBootstrap, String topic, short replication) {
        this(host, port, kafkaBootstrap, topic, replication, 1);
    }

    /** Reads the settings from environment variables, failing with one line per invalid variable. */
    public static RegistryConfig fromEnv(Map<String, String> env) {
        requireNonNull(env, "env");
        List<String> problems = new ArrayList<>();
        String host = text(env, HOST, "127.0.0.1", problems);
        int port = number(env, PORT, 8085, 0, 65_535, problems);
        String bootstrap = text(env, BOOTSTRAP, KafkaEndpoints.DEFAULT_BOOTSTRAP, problems);
        String topic = text(env, TOPIC, "_schemas", problems);
        int shared = number(env, KAFKA_REPLICATION, 1, 1, Short.MAX_VALUE, problems);
        int replication = number(env, REPLICATION, shared, 1, Short.MAX_VALUE, problems);
        int minInSync = number(env, KAFKA_MIN_INSYNC, 1, 1, Short.MAX_VALUE, problems);
        if (minInSync > replication) {
            problems.add(KAFKA_MIN_INSYNC + " (" + minInSync + ") must not exceed the schemas topic's replication factor ("
                    + replication + "): no write could ever be acknowledged");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid schema registry configuration:\n  " + String.join("\n  ", problems));
        }
        return new RegistryConfig(host, port, bootstrap, topic, (short) replication, minInSync);
    }

    private static String text(Map<String, String> env, String name, String fallback, List<String> problems) {
        String value = env.getOrDefault(name, fallback).strip();
        if (value.isEmpty()) {
            problems.add(name + " must not be blank");
        }
        return value;
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        String value = env.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below together with the range, which is the more useful message.
        }
        problems.add(name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
        return fallback;
    }
}
