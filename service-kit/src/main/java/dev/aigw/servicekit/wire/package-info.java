/**
 * The HTTP/1.1 wire in front of Helidon's connection: what Helidon 4.5 parses too loosely or not at all (chunk
 * extensions and trailers, lowercase methods, HTTP/1.0) is settled here, before any byte reaches it.
 */
package dev.aigw.servicekit.wire;
