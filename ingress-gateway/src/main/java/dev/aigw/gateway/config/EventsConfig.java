package dev.aigw.gateway.config;

import dev.aigw.schemas.Topics;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.servicekit.kafka.KafkaEndpoints;
import java.net.URI;
import java.util.List;

/**
 * Where interception events go.
 *
 * @param kafkaBootstrap    Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry
 * @param topic             topic for interception events
 * @param audit             whether events are produced or dropped
 */
public record EventsConfig(String kafkaBootstrap, URI schemaRegistryUrl, String topic, AuditEvents audit) {
    /** Reads {@code KAFKA_BOOTSTRAP}, {@code SCHEMA_REGISTRY_URL}, {@code INTERCEPTIONS_TOPIC} and {@code AUDIT_EVENTS}. */
    static EventsConfig from(Settings s, List<String> problems) {
        KafkaEndpoints kafka = KafkaEndpoints.from(s);
        return new EventsConfig(kafka.bootstrap(), kafka.schemaRegistryUrl(), s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS), s.choice("AUDIT_EVENTS", AuditEvents.KAFKA, problems));
    }
}
