/**
 * Kafka serde for Avro specific records in the Confluent wire format: magic byte {@code 0x00}, the writer schema's
 * registry id as a big-endian int32, then the Avro binary encoding.
 */
package dev.aigw.schemas.serde;
