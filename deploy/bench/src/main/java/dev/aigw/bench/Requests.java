package dev.aigw.bench;

import java.nio.charset.StandardCharsets;

/** The Chat Completions bodies every target gets: a coding agent's short turn with a system prompt. */
final class Requests {
    private static final String SYSTEM = "You are a coding assistant. Answer with the smallest correct change. ".repeat(8);

    private Requests() {
    }

    static byte[] blocking() {
        return body("");
    }

    static byte[] streaming() {
        return body(", \"stream\": true, \"stream_options\": {\"include_usage\": true}");
    }

    private static byte[] body(String extra) {
        return ("{\"model\": \"gpt-4o-mini\", \"messages\": [{\"role\": \"system\", \"content\": \"" + SYSTEM + "\"},"
                + " {\"role\": \"user\", \"content\": \"Rename the variable n to count in main.go and run the tests.\"}],"
                + " \"max_tokens\": 256" + extra + "}").getBytes(StandardCharsets.UTF_8);
    }
}
