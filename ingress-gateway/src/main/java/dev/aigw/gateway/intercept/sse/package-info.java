/** Server-sent events: decoding a byte stream into events as the bytes arrive. */
package dev.aigw.gateway.intercept.sse;
