/** A Kafka Connect converter for the event topic's wire format and registry, loaded by a worker from its plugin.path. */
package dev.aigw.connect;
