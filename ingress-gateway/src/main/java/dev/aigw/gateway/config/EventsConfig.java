package dev.aigw.gateway.config;

import dev.aigw.schemas.Topics;
import dev.aigw.schemas.config.Settings;
import java.net.URI;

/**
 * Where interception events go.
 *
 * @param kafkaBootstrap    Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry
 * @param topic             topic for interception events
 */
public record EventsConfig(String kafkaBootstrap, URI schemaRegistryUrl, String topic) {
    /** Reads {@code KAFKA_BOOTSTRAP}, {@code SCHEMA_REGISTRY_URL} and {@code INTERCEPTIONS_TOPIC}. */
    static EventsConfig from(Settings s) {
        return new EventsConfig(s.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                URI.create(s.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085")),
                s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS));
    }
}
