/**
 * The audit store's schema: the keyspace and tables as idempotent CQL scripts, and what applies them. The recorder
 * creates the tables with it at start; the query API reads the same tables.
 */
package dev.aigw.auditstore;
