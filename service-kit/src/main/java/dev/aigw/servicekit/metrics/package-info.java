/** The Prometheus registry every service serves at {@code /metrics}. */
package dev.aigw.servicekit.metrics;
