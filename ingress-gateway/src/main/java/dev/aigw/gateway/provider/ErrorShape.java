package dev.aigw.gateway.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The body of an error the gateway writes itself, in the shape the provider's clients parse. */
public enum ErrorShape {
    /** Anthropic's {@code {"type":"error","error":{"type","message"}}}. */
    ANTHROPIC {
        @Override
        public String body(String type, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.put("type", "error").putObject("error").put("type", type).put("message", message);
            return body.toString();
        }
    },
    /** OpenAI's {@code {"error":{"message","type","code"}}}. */
    OPENAI {
        @Override
        public String body(String type, String message) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("error").put("message", message).put("type", type).putNull("code");
            return body.toString();
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON body of an error of {@code type} saying {@code message}. */
    public abstract String body(String type, String message);
}
