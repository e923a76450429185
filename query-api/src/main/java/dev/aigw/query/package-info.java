/** The query API: entry point and wiring. */
package dev.aigw.query;
