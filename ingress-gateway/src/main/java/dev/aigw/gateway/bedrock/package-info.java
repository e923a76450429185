/**
 * Anthropic providers reached through Amazon Bedrock: the request as Bedrock takes it, the AWS SDK client of each
 * provider (SigV4, event-stream decoding, credentials), and the relay of Bedrock's answer to the client as the
 * Anthropic API would have given it, audited like any Messages interception.
 */
package dev.aigw.gateway.bedrock;
