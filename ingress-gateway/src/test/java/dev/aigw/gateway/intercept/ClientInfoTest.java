package dev.aigw.gateway.intercept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClientInfoTest {

    private static ClientInfo identify(Map<String, String> headers) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        return ClientInfo.identify(name -> Optional.ofNullable(ci.get(name)));
    }

    @Test
    void shouldRecogniseClaudeCodeAndItsSessionHeader() {
        ClientInfo info = identify(Map.of("User-Agent", "claude-cli/2.0.67 (external, cli)",
                "x-claude-code-session-id", " 3f1c "));

        assertThat(info.client()).isEqualTo("Claude Code");
        assertThat(info.sessionId()).hasValue("3f1c");
    }

    @Test
    void shouldRecogniseClientsByHeaderWhenUserAgentIsGeneric() {
        assertThat(identify(Map.of("User-Agent", "codex_cli_rs/0.87.0", "session_id", "s1")))
                .isEqualTo(new ClientInfo("Codex", Optional.of("s1")));
        assertThat(identify(Map.of("originator", "kilo-code")).client()).isEqualTo("Kilo Code");
        assertThat(identify(Map.of("X-Cursor-Client-Version", "1.2")).client()).isEqualTo("Cursor");
        assertThat(identify(Map.of("User-Agent", "curl/8")).client()).isEqualTo("Unknown");
    }

    @Test
    void shouldTreatBlankSessionIdAsAbsent() {
        assertThat(identify(Map.of("User-Agent", "claude-cli/2", "X-Claude-Code-Session-Id", "  ")).sessionId()).isEmpty();
    }
}
