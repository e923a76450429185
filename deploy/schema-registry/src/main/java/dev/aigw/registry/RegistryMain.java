package dev.aigw.registry;

import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.servicekit.serving.ServiceMain;
import java.time.Clock;
import java.util.List;

/** Starts the dev schema registry from {@code CODER_AI_GATEWAY_*} environment variables. */
public final class RegistryMain {
    private RegistryMain() {
    }

    /** Entry point; exits with status 2 when the configuration is invalid. */
    public static void main(String[] args) {
        ServiceMain.of("schema-registry", RegistryMain::config, (config, clock) -> SchemaRegistryServer.start(config))
                .announce((config, server) -> "schema registry ready on " + server.url())
                .run(System.getenv(), args, Clock.systemUTC());
    }

    // The registry reads only variables, as it always has: problems with flags or a YAML file are the services' to
    // report, not the registry's, so only its own end the start.
    private static RegistryConfig config(Settings settings, List<String> problems) {
        try {
            return RegistryConfig.fromEnv(settings.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of(e.getMessage()));
        }
    }
}
