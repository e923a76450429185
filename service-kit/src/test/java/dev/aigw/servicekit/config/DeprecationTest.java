package dev.aigw.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// The names read here are read by no other test: the warned set is per process, shared by every test in this JVM.
class DeprecationTest {
    // service-kit sits below the test kit (whose registry serves with it), so the capture is a plain handler here.
    private final Logger logger = Logger.getLogger(Deprecation.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void listen() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(capture);
    }

    @Test
    void shouldWarnOncePerDeprecatedNameAcrossReadsAndSettings() throws IOException {
        Path file = Files.writeString(dir.resolve("c.yaml"), "aibridge:\n  probe_yaml: y\n");
        Map<String, String> env = Map.of("CODER_AIBRIDGE_PROBE_ENV", "e", "CODER_AI_GATEWAY_CONFIG", file.toString());
        for (int load = 0; load < 2; load++) {
            Settings s = Settings.load(env, List.of("--aibridge-probe-flag=f"), new ArrayList<>());
            for (int read = 0; read < 3; read++) {
                assertThat(s.get("PROBE_ENV")).hasValue("e");
                assertThat(s.get("PROBE_FLAG")).hasValue("f");
                assertThat(s.get("PROBE_YAML")).hasValue("y");
            }
        }

        assertThat(records).allMatch(r -> r.getLevel() == Level.WARNING).extracting(LogRecord::getMessage).containsExactly(
                "CODER_AIBRIDGE_PROBE_ENV is deprecated; use CODER_AI_GATEWAY_PROBE_ENV",
                "--aibridge-probe-flag is deprecated; use --ai-gateway-probe-flag",
                "aibridge.probe_yaml in " + file + " is deprecated; use ai_gateway.probe_yaml");
    }

    @Test
    void shouldWarnAboutADeprecatedNameEvenWhenTheNewNameWins() {
        Settings s = Settings.load(Map.of("CODER_AIBRIDGE_PROBE_SHADOWED", "old", "CODER_AI_GATEWAY_PROBE_SHADOWED", "new"),
                List.of(), new ArrayList<>());

        assertThat(s.get("PROBE_SHADOWED")).hasValue("new");
        assertThat(records).extracting(LogRecord::getMessage)
                .containsExactly("CODER_AIBRIDGE_PROBE_SHADOWED is deprecated; use CODER_AI_GATEWAY_PROBE_SHADOWED");
    }

    @Test
    void shouldNotWarnAboutNamesThatAreNotRead() {
        Settings.load(Map.of("CODER_AIBRIDGE_PROBE_UNREAD", "x"), List.of(), new ArrayList<>()).get("PROBE_OTHER");

        assertThat(records).isEmpty();
    }
}
