package dev.aigw.gateway;

import dev.aigw.schemas.config.ConfigException;
import dev.aigw.control.SealingException;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.gateway.logging.LogFormat;
import dev.aigw.gateway.logging.ShutdownLogManager;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.logging.Logger;

/** Starts one gateway node from its flags, the environment and the YAML file. */
public final class GatewayMain {
    static {
        System.setProperty("java.util.logging.manager", ShutdownLogManager.class.getName());
    }

    private static final Logger LOG = Logger.getLogger(GatewayMain.class.getName());

    private GatewayMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        LogFormat.configure(System.getenv(), List.of(args));
        GatewayConfig config;
        try {
            config = GatewayConfig.fromEnv(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.err.println("gateway: invalid configuration:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(config);
        } catch (SealingException e) {
            System.err.println("gateway: cannot open the control plane with this master key:\n" + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalStateException | UncheckedIOException e) {
            System.err.println("gateway: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("shutting down: no new connections; requests in flight have " + config.drainTime().toSeconds()
                    + " s to finish");
            gateway.close();
            LOG.info("gateway stopped");
        }, "gateway-shutdown"));
        LOG.info("gateway listening on " + config.host() + ":" + gateway.port() + " with " + config);
    }
}
