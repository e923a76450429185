package dev.aigw.servicekit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    private final List<String> problems = new ArrayList<>();

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("config.yaml"), text);
    }

    @Test
    void shouldTakeAFlagOverAVariableOverTheYamlFileOverTheDefault() throws IOException {
        Path file = yaml("ai_gateway:\n  dump_dir: /yaml\n  node_id: yaml-node\n  host: yaml-host\n");
        Settings s = Settings.load(Map.of("CODER_AI_GATEWAY_DUMP_DIR", "/env", "CODER_AI_GATEWAY_NODE_ID", "env-node"),
                List.of("--config", file.toString(), "--ai-gateway-dump-dir", "/flag"), problems);

        assertThat(s.setting("DUMP_DIR")).hasValue(new Settings.Setting("/flag", "--ai-gateway-dump-dir"));
        assertThat(s.setting("NODE_ID")).hasValue(new Settings.Setting("env-node", "CODER_AI_GATEWAY_NODE_ID"));
        assertThat(s.setting("HOST")).hasValue(new Settings.Setting("yaml-host", "ai_gateway.host in " + file));
        assertThat(s.get("PORT", "8080")).isEqualTo("8080");
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldPreferTheNewNameToTheDeprecatedOneWithinEachSource() throws IOException {
        Path file = yaml("aibridge:\n  retention: 90d\nai_gateway:\n  retention: 30d\n");
        Settings s = Settings.load(Map.of("CODER_AIBRIDGE_NODE_ID", "old", "CODER_AI_GATEWAY_NODE_ID", "new",
                        "CODER_AI_GATEWAY_CONFIG", file.toString()),
                List.of("--aibridge-host=old", "--ai-gateway-host=new"), problems);

        assertThat(s.get("NODE_ID")).hasValue("new");
        assertThat(s.get("HOST")).hasValue("new");
        assertThat(s.get("RETENTION")).hasValue("30d");
    }

    @Test
    void shouldReadEveryDeprecatedSpelling() throws IOException {
        Path file = yaml("aibridge:\n  structured_logging: true\n");
        Settings s = Settings.load(Map.of("CODER_AIBRIDGE_PORT", "9000", "CODER_AI_GATEWAY_CONFIG", file.toString()),
                List.of("--aibridge-allow-byok=false"), problems);

        assertThat(s.setting("PORT")).hasValue(new Settings.Setting("9000", "CODER_AIBRIDGE_PORT"));
        assertThat(s.bool("ALLOW_BYOK", true, problems)).isFalse();
        assertThat(s.bool("STRUCTURED_LOGGING", false, problems)).isTrue();
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldParseTheThreeFlagFormsAndLetTheLastOccurrenceWin() {
        Settings s = Settings.load(Map.of(), List.of("--ai-gateway-allow-byok=false", "--ai-gateway-dump-dir", "/tmp/d",
                "--ai-gateway-reseed-providers", "--ai-gateway-port=1", "--ai-gateway-port=2"), problems);

        assertThat(s.bool("ALLOW_BYOK", true, problems)).isFalse();
        assertThat(s.get("DUMP_DIR")).hasValue("/tmp/d");
        assertThat(s.bool("RESEED_PROVIDERS", false, problems)).isTrue();
        assertThat(s.integer("PORT", 8080, problems)).isEqualTo(2);
        assertThat(problems).isEmpty();
        assertThat(s.unknownFlags()).isEmpty();
    }

    @Test
    void shouldReportFlagsThatNoOptionReadAndStrayArguments() {
        Settings s = Settings.load(Map.of(), List.of("--ai-gateway-alow-byok=false", "--aibridge-port=1", "stray"), problems);
        s.integer("PORT", 8080, problems);

        assertThat(problems).containsExactly("unexpected argument \"stray\": options are given as --name=value");
        assertThat(s.unknownFlags()).containsExactly("unknown flag --ai-gateway-alow-byok");
    }

    @Test
    void shouldNameTheSourceOfAMalformedValue() throws IOException {
        Path file = yaml("ai_gateway:\n  upstream_idle_timeout: soon\n");
        Settings s = Settings.load(Map.of("CODER_AI_GATEWAY_PORT", "eighty", "CODER_AI_GATEWAY_CONFIG", file.toString()),
                List.of("--ai-gateway-allow-byok=maybe", "--ai-gateway-cassandra-contact-points=a:1,b"), problems);

        assertThat(s.integer("PORT", 8080, problems)).isEqualTo(8080);
        s.bool("ALLOW_BYOK", true, problems);
        s.duration("UPSTREAM_IDLE_TIMEOUT", Duration.ofSeconds(300), problems);
        s.addresses("CASSANDRA_CONTACT_POINTS", List.of(), problems);
        assertThat(problems).containsExactly(
                "CODER_AI_GATEWAY_PORT must be an integer, got \"eighty\"",
                "--ai-gateway-allow-byok must be true or false, got \"maybe\"",
                "ai_gateway.upstream_idle_timeout in " + file + " must be a duration such as 30s, 10m or 1h30m, got \"soon\"",
                "--ai-gateway-cassandra-contact-points must be a comma-separated host:port list, got \"a:1,b\"");
    }

    @Test
    void shouldParseTypedValues() {
        Settings s = Settings.load(Map.of("CODER_AI_GATEWAY_STRUCTURED_LOGGING", "1", "CODER_AI_GATEWAY_ALLOW_BYOK", "F",
                "CODER_AI_GATEWAY_UPSTREAM_CONNECT_TIMEOUT", "1m30s",
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", "a:9042, b:9043"), List.of(), problems);

        assertThat(s.bool("STRUCTURED_LOGGING", false, problems)).isTrue();
        assertThat(s.bool("ALLOW_BYOK", true, problems)).isFalse();
        assertThat(s.duration("UPSTREAM_CONNECT_TIMEOUT", Duration.ZERO, problems)).isEqualTo(Duration.ofSeconds(90));
        assertThat(s.addresses("CASSANDRA_CONTACT_POINTS", List.of(), problems)).containsExactly(
                InetSocketAddress.createUnresolved("a", 9042), InetSocketAddress.createUnresolved("b", 9043));
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldParseLongIntegersAndEnumChoicesInAnyCase() {
        Settings s = Settings.load(Map.of("CODER_AI_GATEWAY_SPOOL_MAX_BYTES", "10737418240",
                "CODER_AI_GATEWAY_SPOOL_FSYNC", "Never", "CODER_AI_GATEWAY_AUDIT_FAILURE_MODE", "sometimes"), List.of(), problems);

        assertThat(s.longInteger("SPOOL_MAX_BYTES", 1, problems)).isEqualTo(10L * 1024 * 1024 * 1024);
        assertThat(s.choice("SPOOL_FSYNC", Level.INTERVAL, problems)).isEqualTo(Level.NEVER);
        assertThat(s.choice("AUDIT_FAILURE_MODE", Level.ALWAYS, problems)).isEqualTo(Level.ALWAYS);
        assertThat(problems).containsExactly(
                "CODER_AI_GATEWAY_AUDIT_FAILURE_MODE must be one of always, interval, never, got \"sometimes\"");
    }

    private enum Level { ALWAYS, INTERVAL, NEVER }

    @Test
    void shouldTreatABlankValueAsAbsent() {
        Settings s = Settings.load(Map.of("CODER_AI_GATEWAY_HOST", "  ", "CODER_AIBRIDGE_HOST", "old"), List.of(), problems);

        assertThat(s.get("HOST")).hasValue("old");
        assertThat(s.get("NODE_ID")).isEqualTo(Optional.empty());
    }

    @Test
    void shouldReportAMissingOrMalformedYamlFile() throws IOException {
        Settings.load(Map.of(), List.of("--config=" + dir.resolve("absent.yaml")), problems);
        assertThat(problems).singleElement().asString()
                .startsWith("cannot read the configuration file " + dir.resolve("absent.yaml"));

        problems.clear();
        Path file = yaml("ai_gateway:\n  allow_byok: [true\n");
        Settings.load(Map.of(), List.of("--config", file.toString()), problems);
        assertThat(problems).singleElement().asString().startsWith("cannot read the configuration file " + file);

        problems.clear();
        Settings.load(Map.of(), List.of("--config"), problems);
        assertThat(problems).containsExactly("--config needs the path of a YAML file");
    }

    @Test
    void shouldRefuseNonScalarValuesAndIgnoreOtherTopLevelKeys() throws IOException {
        Path file = yaml("networking:\n  http_address: 0.0.0.0:3000\nai_gateway:\n  providers:\n    - type: openai\n  port: 9\n");
        Settings s = Settings.load(Map.of(), List.of("--config", file.toString()), problems);

        assertThat(problems).containsExactly("ai_gateway.providers in " + file + " must be a single value");
        assertThat(s.integer("PORT", 8080, problems)).isEqualTo(9);
        assertThat(s.get("HTTP_ADDRESS")).isEmpty();
    }

    @Test
    void shouldReadAnEmptyYamlFileAsNoOptions() throws IOException {
        Path file = yaml("");
        Settings s = Settings.load(Map.of(), List.of("--config", file.toString()), problems);

        assertThat(problems).isEmpty();
        assertThat(s.get("PORT")).isEmpty();
    }
}
