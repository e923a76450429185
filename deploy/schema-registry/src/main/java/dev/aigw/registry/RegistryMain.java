package dev.aigw.registry;

import io.helidon.logging.common.LogConfig;

/** Starts the dev schema registry from {@code CODER_AI_GATEWAY_*} environment variables. */
public final class RegistryMain {
    private RegistryMain() {
    }

    /** Entry point; exits with status 2 when the configuration is invalid. */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        RegistryConfig config;
        try {
            config = RegistryConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        SchemaRegistryServer server = SchemaRegistryServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "schema-registry-shutdown"));
    }
}
