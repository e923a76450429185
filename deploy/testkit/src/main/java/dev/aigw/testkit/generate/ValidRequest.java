package dev.aigw.testkit.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.testkit.fixtures.Txtar;

/** The valid request body of each intercepted API, from the shared recorded fixtures: what near-requests start from. */
public enum ValidRequest {
    /** Anthropic {@code /v1/messages}. */
    MESSAGES("anthropic/simple.txtar"),
    /** OpenAI {@code /v1/chat/completions}. */
    CHAT("openai/chatcompletions/simple.txtar"),
    /** OpenAI {@code /v1/responses}. */
    RESPONSES("openai/responses/blocking/simple.txtar");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String fixture;

    ValidRequest(String fixture) {
        this.fixture = fixture;
    }

    /** The body as recorded. */
    public String body() {
        return Txtar.fixture(fixture).required("request");
    }

    /** The body as a tree, a fresh copy on each call. */
    public JsonNode json() {
        try {
            return MAPPER.readTree(body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the request of fixture " + fixture + " is not JSON", e);
        }
    }
}
