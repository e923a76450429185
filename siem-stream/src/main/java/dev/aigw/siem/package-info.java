/** The SIEM stream: entry point and wiring of the Streams app that writes the JSON topic, and its health endpoint. */
package dev.aigw.siem;
