package dev.aigw.siem;

import dev.aigw.schemas.config.ConfigException;
import dev.aigw.siem.config.SiemConfig;
import io.helidon.logging.common.LogConfig;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the SIEM stream from its flags, the environment and the YAML file. */
public final class SiemMain {
    private static final Logger LOG = Logger.getLogger(SiemMain.class.getName());

    private SiemMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        SiemConfig config;
        try {
            config = SiemConfig.fromEnv(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.err.println("siem-stream: invalid configuration:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        SiemStream stream;
        try {
            stream = SiemStream.start(config);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "siem-stream: cannot start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stream::close, "siem-shutdown"));
        LOG.info("siem-stream started: " + config.interceptionsTopic() + " -> " + config.siemTopic()
                + ", health on port " + stream.port());
    }
}
