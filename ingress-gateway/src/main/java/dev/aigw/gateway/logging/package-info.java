/** The {@code "interception log"} line of each event, with the event's fields (the line format is service-kit's). */
package dev.aigw.gateway.logging;
