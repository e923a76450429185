package dev.aigw.gateway.sdk;

import java.util.Map;

/**
 * What one side saw of a model answer that calls one tool: the SDK as it parsed the answer, or the gateway as it
 * recorded it. Both sides must see the same.
 *
 * @param callId       the tool call's id
 * @param tool         the tool's name
 * @param input        the call's arguments as a JSON object
 * @param inputTokens  input tokens reported for the answer
 * @param outputTokens output tokens reported for the answer
 */
record ToolAnswer(String callId, String tool, Map<?, ?> input, long inputTokens, long outputTokens) {
}
