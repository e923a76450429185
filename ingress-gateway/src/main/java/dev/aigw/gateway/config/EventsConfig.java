package dev.aigw.gateway.config;

import java.net.URI;

/**
 * Where interception events go.
 *
 * @param kafkaBootstrap    Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry
 * @param topic             topic for interception events
 */
public record EventsConfig(String kafkaBootstrap, URI schemaRegistryUrl, String topic) {
}
