/** Test support: a real gateway node over the test kit, read back through Kafka. */
package dev.aigw.gateway.live;
