package dev.aigw.recorder;

import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.servicekit.config.ConfigException;
import io.helidon.logging.common.LogConfig;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts the recorder from its flags, the environment and the YAML file. */
public final class RecorderMain {
    private static final Logger LOG = Logger.getLogger(RecorderMain.class.getName());

    private RecorderMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        RecorderConfig config;
        try {
            config = RecorderConfig.fromEnv(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.err.println("recorder: invalid configuration:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        Recorder recorder;
        try {
            recorder = Recorder.start(config);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "recorder: cannot start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(recorder::close, "recorder-shutdown"));
        LOG.info("recorder started: " + config.interceptionsTopic() + " -> keyspace " + config.keyspace()
                + ", health and metrics on port " + recorder.port());
    }
}
