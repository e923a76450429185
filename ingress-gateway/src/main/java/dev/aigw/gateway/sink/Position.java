package dev.aigw.gateway.sink;

/**
 * A record boundary in the spool.
 *
 * @param segment number of the segment file
 * @param offset  byte offset in that file
 */
record Position(long segment, long offset) {
}
