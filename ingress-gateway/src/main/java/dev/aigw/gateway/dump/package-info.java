/** API dumps: what the gateway sent upstream and what came back, as files, secrets masked. */
package dev.aigw.gateway.dump;
