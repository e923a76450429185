/**
 * The gateway's Prometheus meters: interceptions, passthrough, prompts, tokens and tool calls as the reference
 * names them, plus time to first byte, the gateway's own overhead and the event spool.
 */
package dev.aigw.gateway.metrics;
