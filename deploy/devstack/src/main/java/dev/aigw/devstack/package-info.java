/**
 * The dev stack behind {@code ./aigw up}: a real Kafka broker, a real Cassandra node, the dev schema registry and the
 * gateway, recorder and query API, each a child process on loopback with its log and state under {@code .aigw/}.
 */
package dev.aigw.devstack;
