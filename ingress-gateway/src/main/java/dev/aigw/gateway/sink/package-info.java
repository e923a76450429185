/** Where interception events go: Kafka, never blocking the request path. */
package dev.aigw.gateway.sink;
