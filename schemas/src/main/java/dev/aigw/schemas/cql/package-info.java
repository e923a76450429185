/** Cassandra DDL of the audit store. */
package dev.aigw.schemas.cql;
