/** The providers' official Java SDKs against a real gateway: what the SDK parses, what the gateway records. */
package dev.aigw.gateway.sdk;
