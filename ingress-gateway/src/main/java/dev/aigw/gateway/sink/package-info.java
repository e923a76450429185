/** Where interception events go: Kafka, never blocking the request path, through a spool on disk when Kafka is behind. */
package dev.aigw.gateway.sink;
