package dev.aigw.bench.targets;

import dev.aigw.bench.load.Call;
import java.util.Map;
import java.util.Optional;

/**
 * Something that answers OpenAI Chat Completions on loopback in front of the mock: the mock itself, nginx, Portkey or
 * our gateway.
 *
 * @param name        short name used in the report, e.g. {@code nginx}
 * @param description what it is, with its version and settings
 * @param chatPath    the path of Chat Completions through it
 * @param headers     the headers every request to it needs (credentials, routing)
 * @param pid         its process, for memory readings; empty when the harness does not own one
 */
public record Target(String name, String description, int port, String chatPath, Map<String, String> headers,
                     Optional<Long> pid) {
    /** A Chat Completions request with {@code body}, streamed or not. */
    public Call chat(byte[] body, boolean streaming) {
        return new Call("127.0.0.1", port, "POST", chatPath, headers, body, streaming);
    }
}
