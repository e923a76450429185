/**
 * Launchers for the real engines the dev stack and the test kit run without Docker: a Kafka broker in KRaft mode
 * and a Cassandra node on a JDK 17 (or 11), each as a child process with its log in a file.
 */
package dev.aigw.engines;
