/** Log output: one line per record, as text or JSON, and the {@code "interception log"} line of each event. */
package dev.aigw.gateway.logging;
