/**
 * Client for the Confluent Schema Registry REST API (the subset the wire-format serde needs): register a schema under a
 * subject and fetch a schema by id, both cached for the life of the client.
 */
package dev.aigw.schemas.registry;
