package dev.aigw.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.schemas.Topics;
import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.control.MasterKey;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {
    private static final String MASTER_KEY = MasterKey.generate();

    @TempDir
    Path dir;

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("CODER_AI_GATEWAY_MASTER_KEY", MASTER_KEY));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void shouldUseTheDocumentedDefaults() {
        GatewayConfig config = GatewayConfig.fromEnv(env());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.nodeId()).isNotBlank();
        assertThat(config.events()).isEqualTo(new EventsConfig("127.0.0.1:9092", URI.create("http://127.0.0.1:8085"),
                Topics.INTERCEPTIONS, AuditEvents.KAFKA));
        assertThat(config.control().adminToken()).isEmpty();
        assertThat(config.control().keysTopic()).isEqualTo(Topics.CONTROL_KEYS);
        assertThat(config.control().providersTopic()).isEqualTo(Topics.CONTROL_PROVIDERS);
        assertThat(config.control().reseedProviders()).isFalse();
        assertThat(config.bridge()).isEqualTo(new BridgeConfig(32 * 1024 * 1024, true, false, false, Optional.empty(),
                new UpstreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(600), Duration.ofSeconds(300))));
    }

    @Test
    void shouldTakeFlagsOverVariablesOverTheYamlFile() throws IOException {
        Path file = Files.writeString(dir.resolve("gateway.yaml"), """
                ai_gateway:
                  allow_byok: true
                  structured_logging: true
                  send_actor_headers: false
                  dump_dir: /yaml/dumps
                  upstream_idle_timeout: 2m
                """);
        GatewayConfig config = GatewayConfig.fromEnv(
                env("CODER_AI_GATEWAY_CONFIG", file.toString(), "CODER_AI_GATEWAY_ALLOW_BYOK", "true",
                        "CODER_AI_GATEWAY_SEND_ACTOR_HEADERS", "true", "CODER_AI_GATEWAY_DUMP_DIR", "/env/dumps"),
                List.of("--ai-gateway-allow-byok=false", "--ai-gateway-dump-dir", "/flag/dumps", GatewayConfig.RESEED_FLAG));

        assertThat(config.bridge()).isEqualTo(new BridgeConfig(32 * 1024 * 1024, false, true, true,
                Optional.of(Path.of("/flag/dumps")),
                new UpstreamTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(600), Duration.ofMinutes(2))));
        assertThat(config.control().reseedProviders()).isTrue();
    }

    @Test
    void shouldReadEveryGatewayOption() {
        GatewayConfig config = GatewayConfig.fromEnv(env("CODER_AI_GATEWAY_HOST", "0.0.0.0", "CODER_AI_GATEWAY_PORT", "9090",
                "CODER_AI_GATEWAY_NODE_ID", "node-7", "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "k:9092",
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", "http://r:8085", "CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", "t",
                "CODER_AI_GATEWAY_ADMIN_TOKEN", "adm", "CODER_AI_GATEWAY_CONTROL_KEYS_TOPIC", "kt",
                "CODER_AI_GATEWAY_CONTROL_PROVIDERS_TOPIC", "pt", "CODER_AI_GATEWAY_RESEED_PROVIDERS", "true",
                "CODER_AI_GATEWAY_MAX_BODY_BYTES", "1024", "CODER_AI_GATEWAY_UPSTREAM_CONNECT_TIMEOUT", "30s",
                "CODER_AI_GATEWAY_UPSTREAM_FIRST_BYTE_TIMEOUT", "10m", "CODER_AI_GATEWAY_UPSTREAM_IDLE_TIMEOUT", "1h30m",
                "CODER_AI_GATEWAY_AUDIT_EVENTS", "discard"));

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.nodeId()).isEqualTo("node-7");
        assertThat(config.events()).isEqualTo(new EventsConfig("k:9092", URI.create("http://r:8085"), "t",
                AuditEvents.DISCARD));
        assertThat(config.control().adminToken()).hasValue("adm");
        assertThat(config.control().keysTopic()).isEqualTo("kt");
        assertThat(config.control().providersTopic()).isEqualTo("pt");
        assertThat(config.control().reseedProviders()).isTrue();
        assertThat(config.bridge().maxBodyBytes()).isEqualTo(1024);
        assertThat(config.bridge().timeouts()).isEqualTo(
                new UpstreamTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(90)));
    }

    @Test
    void shouldReportEveryProblemTogether() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(env(
                        "CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic", "CODER_AI_GATEWAY_PROVIDER_0_NAME", "Bad_Name",
                        "CODER_AI_GATEWAY_PORT", "eighty", "CODER_AI_GATEWAY_UPSTREAM_CONNECT_TIMEOUT", "soon",
                        "CODER_AI_GATEWAY_UPSTREAM_IDLE_TIMEOUT", "0s", "CODER_AI_GATEWAY_MAX_BODY_BYTES", "-1"),
                List.of("--ai-gateway-alow-byok")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "CODER_AI_GATEWAY_PROVIDER_0_NAME \"Bad_Name\" must match ^[a-z0-9]+(-[a-z0-9]+)*$",
                        "CODER_AI_GATEWAY_PORT must be an integer, got \"eighty\"",
                        "CODER_AI_GATEWAY_MAX_BODY_BYTES must be a positive number of bytes",
                        "CODER_AI_GATEWAY_UPSTREAM_CONNECT_TIMEOUT must be a duration such as 30s, 10m or 1h30m, got \"soon\"",
                        "CODER_AI_GATEWAY_UPSTREAM_IDLE_TIMEOUT must be longer than zero",
                        "unknown flag --ai-gateway-alow-byok"));
    }

    @Test
    void shouldKeepTheSpoolPerNodeUnderTheTemporaryDirectoryUnlessADataDirectoryIsGiven() {
        GatewayConfig defaults = GatewayConfig.fromEnv(env("CODER_AI_GATEWAY_NODE_ID", "gw/7"));
        GatewayConfig set = GatewayConfig.fromEnv(env("CODER_AI_GATEWAY_DATA_DIR", "/var/lib/aigw",
                "CODER_AI_GATEWAY_SPOOL_MAX_BYTES", "10737418240", "CODER_AI_GATEWAY_SPOOL_FSYNC", "always",
                "CODER_AI_GATEWAY_SPOOL_FSYNC_INTERVAL", "250ms", "CODER_AI_GATEWAY_AUDIT_FAILURE_MODE", "open",
                "CODER_AI_GATEWAY_DRAIN_TIME", "2m", "CODER_AI_GATEWAY_SPOOL_DEAD_LETTER_MAX_BYTES", "1048576",
                "CODER_AI_GATEWAY_SPOOL_STALL_TIMEOUT", "0s"));

        assertThat(defaults.spool()).isEqualTo(new SpoolConfig(
                Path.of(System.getProperty("java.io.tmpdir"), "aigw-gateway-gw_7", "spool"), 1024L * 1024 * 1024,
                FsyncPolicy.INTERVAL, Duration.ofSeconds(1), AuditFailureMode.CLOSED, 256L * 1024 * 1024,
                Duration.ofMinutes(5)));
        assertThat(defaults.drainTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(set.spool()).isEqualTo(new SpoolConfig(Path.of("/var/lib/aigw/spool"), 10L * 1024 * 1024 * 1024,
                FsyncPolicy.ALWAYS, Duration.ofMillis(250), AuditFailureMode.OPEN, 1024L * 1024, Duration.ZERO));
        assertThat(set.drainTime()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldReportMalformedSpoolOptions() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(env("CODER_AI_GATEWAY_SPOOL_MAX_BYTES", "0",
                "CODER_AI_GATEWAY_SPOOL_FSYNC", "sometimes", "CODER_AI_GATEWAY_SPOOL_FSYNC_INTERVAL", "0",
                "CODER_AI_GATEWAY_AUDIT_FAILURE_MODE", "half", "CODER_AI_GATEWAY_DRAIN_TIME", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(String.join("\n",
                        "CODER_AI_GATEWAY_SPOOL_MAX_BYTES must be a positive number of bytes",
                        "CODER_AI_GATEWAY_SPOOL_FSYNC_INTERVAL must be longer than zero",
                        "CODER_AI_GATEWAY_SPOOL_FSYNC must be one of always, interval, never, got \"sometimes\"",
                        "CODER_AI_GATEWAY_AUDIT_FAILURE_MODE must be one of closed, open, got \"half\"",
                        "CODER_AI_GATEWAY_DRAIN_TIME must be a duration such as 30s, 10m or 1h30m, got \"soon\""));
    }

    @Test
    void shouldRefuseAMissingOrMalformedMasterKey() {
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("master key is missing");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", "c2hvcnQ=")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must decode to 32 bytes, got 5");
        assertThatThrownBy(() -> GatewayConfig.fromEnv(env(), List.of("--ai-gateway-master-key-previous=c2hvcnQ=")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--ai-gateway-master-key-previous: master key must decode to 32 bytes, got 5");
    }

    @Test
    void shouldSeedConfiguredAndBuiltinProvidersWithoutShowingKeys() {
        GatewayConfig config = GatewayConfig.fromEnv(env("CODER_AI_GATEWAY_PROVIDER_0_TYPE", "anthropic",
                "CODER_AI_GATEWAY_PROVIDER_0_KEY", "sk-ant-secret-123456789"));

        assertThat(config.providers()).extracting(p -> p.name())
                .containsExactly("anthropic", "copilot", "copilot-business", "copilot-enterprise", "chatgpt");
        assertThat(config.toString()).doesNotContain("sk-ant-secret-123456789");
    }

    @Test
    void shouldPutAProvidersDumpsUnderTheBaseUnlessItHasItsOwnDirectory() {
        BridgeConfig bridge = GatewayConfig.fromEnv(env("CODER_AI_GATEWAY_DUMP_DIR", "/dumps")).bridge();
        ProviderConfig plain = new ProviderConfig(ProviderType.OPENAI, "azure", URI.create("https://a/"), List.of(),
                Optional.empty());
        ProviderConfig own = new ProviderConfig(ProviderType.OPENAI, "azure", URI.create("https://a/"), List.of(),
                Optional.of(Path.of("/own")));

        assertThat(bridge.dumpDirOf(plain)).hasValue(Path.of("/dumps/azure"));
        assertThat(bridge.dumpDirOf(own)).hasValue(Path.of("/own"));
    }
}
