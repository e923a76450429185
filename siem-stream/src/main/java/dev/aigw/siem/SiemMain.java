package dev.aigw.siem;

import dev.aigw.servicekit.serving.ServiceMain;
import dev.aigw.siem.config.SiemConfig;
import java.time.Clock;

/** Starts the SIEM stream from its flags, the environment and the YAML file. */
public final class SiemMain {
    private SiemMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        ServiceMain.of("siem-stream", SiemConfig::from, (config, clock) -> SiemStream.start(config))
                .announce((config, stream) -> "siem-stream started: " + config.interceptionsTopic() + " -> "
                        + config.siemTopic() + ", health and metrics on port " + stream.port())
                .run(System.getenv(), args, Clock.systemUTC());
    }
}
