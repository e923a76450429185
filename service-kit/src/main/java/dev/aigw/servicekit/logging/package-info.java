/** How every service logs: one line per record, as text or JSON, with named fields, kept up through the shutdown. */
package dev.aigw.servicekit.logging;
