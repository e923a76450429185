package dev.aigw.gateway.intercept;

import java.util.Optional;

/**
 * What the audit needs from an intercepted request body, whatever the API.
 *
 * @param model                 requested model
 * @param stream                whether the client asked for SSE
 * @param background            whether the client asked for a background response (Responses API only)
 * @param prompt                the last user prompt, when the request ends with the user's words
 * @param correlatingToolCallId the tool call the request answers, if it ends with a tool result
 * @param upstreamBody          the body to send upstream: the client's bytes, unless the API needs an edit to be
 *                              auditable
 */
public record ApiRequest(String model, boolean stream, boolean background, Optional<String> prompt,
                         Optional<String> correlatingToolCallId, byte[] upstreamBody) {
}
