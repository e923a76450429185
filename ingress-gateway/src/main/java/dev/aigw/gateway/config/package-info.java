/** Typed configuration read once at start from the seeds' environment variables. */
package dev.aigw.gateway.config;
