/** OpenAI Responses API: request parsing and the audit payloads of a finished response. */
package dev.aigw.gateway.intercept.responses;
