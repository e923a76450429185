/** How the project's Kafka topics are replicated: the settings, and creating or checking topics against them. */
package dev.aigw.servicekit.kafka;
