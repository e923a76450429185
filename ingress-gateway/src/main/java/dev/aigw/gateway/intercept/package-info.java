/** One intercepted request: its identity, its events and the parsing of provider formats into them. */
package dev.aigw.gateway.intercept;
