/** HTTP routes of the gateway and the relay to upstream providers. */
package dev.aigw.gateway.proxy;
