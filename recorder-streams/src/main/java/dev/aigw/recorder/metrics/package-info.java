/** The recorder's Prometheus meters: events processed, dead letters, Cassandra writes, incomplete closings, Kafka Streams. */
package dev.aigw.recorder.metrics;
