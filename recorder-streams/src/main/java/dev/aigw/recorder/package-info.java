/** The recorder: entry point and wiring of the Streams app, the Cassandra writer and the health endpoint. */
package dev.aigw.recorder;
