package dev.aigw.recorder;

import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.servicekit.serving.ServiceMain;
import java.time.Clock;

/** Starts the recorder from its flags, the environment and the YAML file. */
public final class RecorderMain {
    private RecorderMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        ServiceMain.of("recorder", RecorderConfig::from, Recorder::start)
                .announce((config, recorder) -> "recorder started: " + config.interceptionsTopic() + " -> keyspace "
                        + config.cassandra().keyspace() + ", health and metrics on port " + recorder.port())
                .run(System.getenv(), args, Clock.systemUTC());
    }
}
