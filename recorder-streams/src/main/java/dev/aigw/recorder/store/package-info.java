/** Writing audit rows to Cassandra: schema, TTLs, idempotent upserts. */
package dev.aigw.recorder.store;
