/** Anthropic Messages API: request and response parsing. */
package dev.aigw.gateway.intercept.anthropic;
