/** Typed configuration read once at start from flags, environment variables and the YAML file (see docs/configuration.md). */
package dev.aigw.gateway.config;
