package dev.aigw.gateway;

import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.control.SealingException;
import dev.aigw.servicekit.serving.ServiceMain;
import java.time.Clock;

/** Starts one gateway node from its flags, the environment and the YAML file. */
public final class GatewayMain {
    private GatewayMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        ServiceMain.of("gateway", GatewayConfig::from, Gateway::start)
                .refuse(SealingException.class, "cannot open the control plane with this master key")
                .announce((config, gateway) -> "gateway listening on " + config.host() + ":" + gateway.port() + " with "
                        + config)
                .run(System.getenv(), args, Clock.systemUTC());
    }
}
