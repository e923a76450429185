/**
 * Provider kinds: what the gateway does differently for Anthropic, OpenAI, Copilot and Bedrock instances, one type
 * per kind, resolved once per request.
 */
package dev.aigw.gateway.provider;
