package dev.aigw.servicekit.kafka;

import dev.aigw.servicekit.config.Settings;
import java.net.URI;

/**
 * Where a service finds Kafka and the schema registry, with the one default of each: the dev stack's single broker
 * and registry on this machine.
 *
 * @param bootstrap         Kafka bootstrap servers ({@code KAFKA_BOOTSTRAP})
 * @param schemaRegistryUrl the Confluent-compatible registry ({@code SCHEMA_REGISTRY_URL})
 */
public record KafkaEndpoints(String bootstrap, URI schemaRegistryUrl) {
    /** Default of {@code KAFKA_BOOTSTRAP}. */
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    /** Default of {@code SCHEMA_REGISTRY_URL}. */
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://127.0.0.1:8085";

    /** Reads both settings. */
    public static KafkaEndpoints from(Settings s) {
        return new KafkaEndpoints(s.get("KAFKA_BOOTSTRAP", DEFAULT_BOOTSTRAP),
                URI.create(s.get("SCHEMA_REGISTRY_URL", DEFAULT_SCHEMA_REGISTRY_URL)));
    }
}
