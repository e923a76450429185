package dev.aigw.gateway.intercept;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The client program behind a request, guessed from its headers (first match wins), and its session id.
 *
 * @param client    client name, e.g. {@code Claude Code}, or {@code Unknown}
 * @param sessionId the client's session id, when the client sends one
 */
public record ClientInfo(String client, Optional<String> sessionId) {
    private static final String[][] BY_USER_AGENT = {
        {"mux/", "Mux"}, {"xum/", "Mux"}, {"claude", "Claude Code"}, {"codex", "Codex"}, {"zed/", "Zed"},
        {"githubcopilotchat/", "GitHub Copilot (VS Code)"}, {"copilot/", "GitHub Copilot (CLI)"},
        {"kilo-code/", "Kilo Code"}, {"roo-code/", "Roo Code"}, {"coder-agents/", "Coder Agents"},
        {"charm crush/", "Charm Crush"}, {"charm-crush/", "Charm Crush"}, {"opencode/", "OpenCode"}, {"junie:", "Junie"},
    };
    private static final String[][] SESSION_HEADER = {
        {"Claude Code", "X-Claude-Code-Session-Id"}, {"Codex", "session_id"}, {"Mux", "X-Mux-Workspace-Id"},
        {"GitHub Copilot (VS Code)", "x-interaction-id"}, {"GitHub Copilot (CLI)", "X-Client-Session-Id"},
        {"Kilo Code", "X-KILOCODE-TASKID"}, {"Coder Agents", "X-Coder-Chat-Id"},
    };

    /** Identifies the client from a header look-up (case-insensitive names). */
    public static ClientInfo identify(Function<String, Optional<String>> header) {
        String client = guess(header);
        Optional<String> session = Optional.empty();
        for (String[] rule : SESSION_HEADER) {
            if (rule[0].equals(client)) {
                session = header.apply(rule[1]).map(String::strip).filter(s -> !s.isEmpty());
            }
        }
        return new ClientInfo(client, session);
    }

    private static String guess(Function<String, Optional<String>> header) {
        String ua = header.apply("User-Agent").orElse("").toLowerCase(Locale.ROOT);
        String originator = header.apply("originator").orElse("").toLowerCase(Locale.ROOT);
        for (String[] rule : BY_USER_AGENT) {
            if (ua.startsWith(rule[0])) {
                return rule[1];
            }
        }
        if (originator.equals("kilo-code")) {
            return "Kilo Code";
        }
        if (originator.equals("roo-code")) {
            return "Roo Code";
        }
        return header.apply("X-Cursor-Client-Version").isPresent() ? "Cursor" : "Unknown";
    }
}
