/**
 * Dev/test schema registry: the Confluent Schema Registry REST subset that producers and consumers use, storing its
 * state in a compacted Kafka topic so that it survives restarts and several instances agree.
 *
 * <p>Try it: {@code curl -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json'
 * --data '{"schema": "\"string\""}' http://127.0.0.1:8085/subjects/demo-value/versions}
 */
package dev.aigw.registry;
