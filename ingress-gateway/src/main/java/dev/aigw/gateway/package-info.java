/** The gateway's data plane: entry point and wiring. */
package dev.aigw.gateway;
