/**
 * The audit model, free of Kafka and Cassandra: per-interception state folded from events, the session and usage
 * aggregates folded from interception changes, and the rows they become. Every fold is a pure function, so a replay of
 * the same events yields the same rows.
 */
package dev.aigw.recorder.audit;
