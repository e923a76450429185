/** OpenAI Chat Completions API: request and response parsing. */
package dev.aigw.gateway.intercept.openai;
