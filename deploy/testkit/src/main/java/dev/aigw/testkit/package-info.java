/**
 * The integration-test kit: {@link dev.aigw.testkit.RealStack} gives every {@code *IT} in a test JVM one shared real
 * Kafka broker, Cassandra node and dev schema registry, each started on first use and stopped at JVM exit.
 */
package dev.aigw.testkit;
