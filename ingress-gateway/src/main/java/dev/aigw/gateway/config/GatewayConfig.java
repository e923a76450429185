package dev.aigw.gateway.config;

import dev.aigw.schemas.Topics;
import dev.aigw.schemas.config.ConfigException;
import dev.aigw.schemas.config.Settings;
import dev.aigw.schemas.control.MasterKey;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the gateway needs, read once at start.
 *
 * @param host              listen address
 * @param port              listen port (0 = ephemeral)
 * @param nodeId            id of this node, stamped on every event
 * @param kafkaBootstrap    Kafka bootstrap servers
 * @param schemaRegistryUrl Confluent-compatible schema registry
 * @param interceptionsTopic topic for interception events
 * @param adminToken        bootstrap admin credential, if set
 * @param maxBodyBytes      largest request body accepted
 * @param providers         provider instances by configuration order, seeded into the provider topic
 * @param masterKey         the operator's master key, sealing provider secrets on the provider topic
 * @param keysTopic         compacted topic of gateway keys
 * @param providersTopic    compacted topic of provider configuration
 * @param reseedProviders   whether the environment's providers overwrite differing ones on the topic
 * @param allowByok         whether people may bring their own provider credential (governance-header mode)
 */
public record GatewayConfig(String host,
                            int port,
                            String nodeId,
                            String kafkaBootstrap,
                            URI schemaRegistryUrl,
                            String interceptionsTopic,
                            Optional<String> adminToken,
                            long maxBodyBytes,
                            List<ProviderConfig> providers,
                            MasterKey masterKey,
                            String keysTopic,
                            String providersTopic,
                            boolean reseedProviders,
                            boolean allowByok) {
    /** Flag equivalent of {@code CODER_AI_GATEWAY_RESEED_PROVIDERS=true}. */
    public static final String RESEED_FLAG = "--ai-gateway-reseed-providers";


    /** Reads and validates the configuration; throws {@link ConfigException} listing every problem. */
    public static GatewayConfig fromEnv(Map<String, String> env) {
        Settings s = Settings.of(env);
        List<String> problems = new ArrayList<>();
        List<ProviderConfig> providers = ProvidersFromEnv.read(s, problems);
        int port = s.integer("PORT", 8080, problems);
        long maxBody = s.integer("MAX_BODY_BYTES", 32 * 1024 * 1024, problems);
        URI registry = URI.create(s.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085"));
        MasterKey masterKey = MasterKey.fromSettings(s, problems);
        boolean reseed = s.bool("RESEED_PROVIDERS", false, problems);
        boolean allowByok = s.bool("ALLOW_BYOK", true, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new GatewayConfig(s.get("HOST", "127.0.0.1"), port, s.get("NODE_ID", defaultNodeId()),
                s.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"), registry,
                s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS), s.get("ADMIN_TOKEN"), maxBody, providers, masterKey,
                s.get("CONTROL_KEYS_TOPIC", Topics.CONTROL_KEYS), s.get("CONTROL_PROVIDERS_TOPIC", Topics.CONTROL_PROVIDERS),
                reseed, allowByok);
    }

    /** As {@link #fromEnv(Map)}, with command-line flags ({@value #RESEED_FLAG}) taking precedence. */
    public static GatewayConfig fromEnv(Map<String, String> env, List<String> args) {
        GatewayConfig config = fromEnv(env);
        if (args.contains(RESEED_FLAG)) {
            return new GatewayConfig(config.host, config.port, config.nodeId, config.kafkaBootstrap, config.schemaRegistryUrl,
                    config.interceptionsTopic, config.adminToken, config.maxBodyBytes, config.providers, config.masterKey,
                    config.keysTopic, config.providersTopic, true, config.allowByok);
        }
        return config;
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
        return "GatewayConfig[" + host + ":" + port + ", node=" + nodeId + ", kafka=" + kafkaBootstrap
                + ", registry=" + schemaRegistryUrl + ", topic=" + interceptionsTopic + ", providers=" + providers
                + ", masterKey=" + masterKey.id() + ", control=" + keysTopic + "," + providersTopic
                + (reseedProviders ? ", reseed" : "") + "]";
    }
}
