/** Typed configuration of the query API, read once at start. */
package dev.aigw.query.config;
