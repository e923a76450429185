/** Who is calling: gateway credentials and the identity they stand for. */
package dev.aigw.gateway.auth;
