package dev.aigw.servicekit.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
import dev.aigw.servicekit.config.CassandraConsistency;
import java.time.Duration;

/** The one way a service opens its Cassandra session, so that the recorder and the query API are tuned alike. */
public final class CassandraSessions {
    private CassandraSessions() {
    }

    /**
     * A session to {@code settings}' nodes whose every statement runs at {@code consistency}: a service's session either
     * writes the audit or reads it, never both (the schema's DDL ignores the level).
     */
    public static CqlSession open(CassandraSettings settings, CassandraConsistency consistency) {
        return CqlSession.builder()
                .addContactPoints(settings.contactPoints())
                .withLocalDatacenter(settings.localDc())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, consistency.name())
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(20))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(20))
                        // A schema change returns only once the driver refreshed its metadata, which it first holds back
                        // for this window to gather more changes: the default second made the audit schema take 20 s.
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(20))
                        // Reconnect soon after Cassandra returns, so writes catch up and reads answer within seconds.
                        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(200))
                        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
                        // The recorder's sink sends a whole batch at once; the throttler queues what exceeds the in-flight
                        // limit instead of failing it.
                        .withClass(DefaultDriverOption.REQUEST_THROTTLER_CLASS, ConcurrencyLimitingRequestThrottler.class)
                        .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_CONCURRENT_REQUESTS, 256)
                        .withInt(DefaultDriverOption.REQUEST_THROTTLER_MAX_QUEUE_SIZE, 1_000_000)
                        .build())
                .build();
    }
}
