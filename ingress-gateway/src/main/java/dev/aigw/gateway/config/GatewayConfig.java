package dev.aigw.gateway.config;

import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.control.ProviderSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the gateway needs, read once at start.
 *
 * @param host      listen address
 * @param port      listen port (0 = ephemeral)
 * @param nodeId    id of this node, stamped on every event
 * @param events    where interception events go
 * @param control   the control plane this node follows
 * @param bridge    how requests are treated
 * @param metrics   what the metrics carry
 * @param providers configured provider definitions (indexed, legacy, then built-in), seeded into the provider topic
 * @param spool     where events wait while Kafka is away
 * @param drainTime how long in-flight requests may run on after a shutdown begins
 */
public record GatewayConfig(String host, int port, String nodeId, EventsConfig events, ControlConfig control,
                            BridgeConfig bridge, MetricsConfig metrics, List<ProviderSettings> providers,
                            SpoolConfig spool, Duration drainTime) {
    /** Flag equivalent of {@code CODER_AI_GATEWAY_RESEED_PROVIDERS=true}. */
    public static final String RESEED_FLAG = "--ai-gateway-reseed-providers";

    /** Reads and validates the configuration from the environment alone. */
    public static GatewayConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    /**
     * Reads and validates the configuration from flags, the environment and the YAML file, in that precedence; throws
     * {@link ConfigException} listing every problem.
     */
    public static GatewayConfig fromEnv(Map<String, String> env, List<String> args) {
        List<String> problems = new ArrayList<>();
        return from(Settings.load(env, args, problems), problems);
    }

    /** Reads and validates the configuration from loaded settings; throws listing {@code problems} and its own. */
    public static GatewayConfig from(Settings s, List<String> problems) {
        List<ProviderSettings> providers = Providers.read(s, problems);
        int port = s.integer("PORT", 8080, problems);
        EventsConfig events = EventsConfig.from(s, problems);
        ControlConfig control = ControlConfig.from(s, problems);
        BridgeConfig bridge = BridgeConfig.from(s, problems);
        MetricsConfig metrics = MetricsConfig.from(s, problems);
        String host = s.get("HOST", "127.0.0.1");
        String nodeId = s.get("NODE_ID").orElseGet(GatewayConfig::defaultNodeId);
        SpoolConfig spool = SpoolConfig.from(s, nodeId, problems);
        Duration drainTime = s.duration("DRAIN_TIME", Duration.ofSeconds(30), problems);
        problems.addAll(s.unknownFlags());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new GatewayConfig(host, port, nodeId, events, control, bridge, metrics, providers, spool, drainTime);
    }

    private static String defaultNodeId() {
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        } catch (UnknownHostException e) {
            return "gateway-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + host + ":" + port + ", node=" + nodeId + ", " + events + ", " + control + ", " + bridge
                + ", " + metrics + ", providers=" + providers + ", " + spool + ", drainTime=" + drainTime + "]";
    }
}
