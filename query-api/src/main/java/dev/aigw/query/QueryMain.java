package dev.aigw.query;

import dev.aigw.query.config.QueryConfig;
import dev.aigw.control.SealingException;
import dev.aigw.servicekit.serving.ServiceMain;
import java.time.Clock;

/** Starts the query API from its flags, the environment and the YAML file. */
public final class QueryMain {
    private QueryMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        ServiceMain.of("query-api", QueryConfig::from, QueryApi::start)
                .refuse(SealingException.class, "cannot open the control plane with this master key")
                .announce((config, api) -> "query API listening on " + config.host() + ":" + api.port())
                .run(System.getenv(), args, Clock.systemUTC());
    }
}
