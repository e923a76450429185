package dev.aigw.query;

import dev.aigw.query.config.QueryConfig;
import dev.aigw.schemas.config.ConfigException;
import dev.aigw.control.SealingException;
import io.helidon.logging.common.LogConfig;
import java.util.List;
import java.util.logging.Logger;

/** Starts the query API from its flags, the environment and the YAML file. */
public final class QueryMain {
    private static final Logger LOG = Logger.getLogger(QueryMain.class.getName());

    private QueryMain() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        LogConfig.configureRuntime();
        QueryConfig config;
        try {
            config = QueryConfig.fromEnv(System.getenv(), List.of(args));
        } catch (ConfigException e) {
            System.err.println("query-api: invalid configuration:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        QueryApi api;
        try {
            api = QueryApi.start(config);
        } catch (SealingException e) {
            System.err.println("query-api: cannot open the control plane with this master key:\n" + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "query-api-shutdown"));
        LOG.info("query API listening on " + config.host() + ":" + api.port());
    }
}
