/** A session's interceptions linked into threads by the tool calls they answer. */
package dev.aigw.query.threads;
