/** Kafka plumbing the topology and the row sink share: the Smile serde of stored records, dead-letter headers. */
package dev.aigw.recorder.kafka;
