package dev.aigw.gateway.config;

import dev.aigw.schemas.Topics;
import dev.aigw.schemas.config.ConfigException;
import dev.aigw.schemas.config.Settings;
import dev.aigw.schemas.control.MasterKey;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
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
 * @param providers provider instances by configuration order, seeded into the provider topic
 */
public record GatewayConfig(String host, int port, String nodeId, EventsConfig events, ControlConfig control,
                            BridgeConfig bridge, List<ProviderConfig> providers) {
    /** Flag equivalent of {@code CODER_AI_GATEWAY_RESEED_PROVIDERS=true}. */
    public static final String RESEED_FLAG = "--ai-gateway-reseed-providers";

    /** Reads and validates the configuration; throws {@link ConfigException} listing every problem. */
    public static GatewayConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    /** As {@link #fromEnv(Map)}, with command-line flags ({@value #RESEED_FLAG}) taking precedence. */
    public static GatewayConfig fromEnv(Map<String, String> env, List<String> args) {
        Settings s = Settings.of(env);
        List<String> problems = new ArrayList<>();
        List<ProviderConfig> providers = ProvidersFromEnv.read(s, problems);
        int port = s.integer("PORT", 8080, problems);
        long maxBody = s.integer("MAX_BODY_BYTES", 32 * 1024 * 1024, problems);
        URI registry = URI.create(s.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085"));
        MasterKey masterKey = MasterKey.fromSettings(s, problems);
        boolean reseed = args.contains(RESEED_FLAG) || s.bool("RESEED_PROVIDERS", false, problems);
        BridgeConfig bridge = new BridgeConfig(maxBody, s.bool("ALLOW_BYOK", true, problems),
                s.bool("STRUCTURED_LOGGING", false, problems), s.bool("SEND_ACTOR_HEADERS", false, problems),
                s.get("DUMP_DIR").map(Path::of), UpstreamTimeouts.DEFAULTS);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        EventsConfig events = new EventsConfig(s.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"), registry,
                s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS));
        ControlConfig control = new ControlConfig(s.get("ADMIN_TOKEN"), masterKey,
                s.get("CONTROL_KEYS_TOPIC", Topics.CONTROL_KEYS), s.get("CONTROL_PROVIDERS_TOPIC", Topics.CONTROL_PROVIDERS),
                reseed);
        return new GatewayConfig(s.get("HOST", "127.0.0.1"), port, s.get("NODE_ID", defaultNodeId()), events, control,
                bridge, providers);
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
                + ", providers=" + providers + "]";
    }
}
