package dev.aigw.query.config;

import dev.aigw.schemas.config.ConfigException;
import dev.aigw.schemas.Topics;
import dev.aigw.schemas.config.Settings;
import dev.aigw.schemas.control.ControlPlane;
import dev.aigw.schemas.control.MasterKey;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the query API needs, read once at start.
 *
 * @param host                   listen address
 * @param port                   listen port (0 = ephemeral)
 * @param cassandraContactPoints Cassandra nodes
 * @param cassandraLocalDc       local datacenter of the driver
 * @param keyspace               audit keyspace
 * @param adminToken             bootstrap admin credential, if set
 * @param countKeep              how long the count of a past day is kept (0 = always counted afresh)
 * @param control                where the control topics are and the master key sealing provider secrets
 */
public record QueryConfig(String host,
                          int port,
                          List<InetSocketAddress> cassandraContactPoints,
                          String cassandraLocalDc,
                          String keyspace,
                          Optional<String> adminToken,
                          Duration countKeep,
                          ControlPlane.Settings control) {

    /** Reads and validates the configuration from the environment alone. */
    public static QueryConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    /**
     * Reads and validates the configuration from flags, the environment and the YAML file, in that precedence; throws
     * {@link ConfigException} listing every problem.
     */
    public static QueryConfig fromEnv(Map<String, String> env, List<String> args) {
        List<String> problems = new ArrayList<>();
        Settings s = Settings.load(env, args, problems);
        int port = s.integer("QUERY_PORT", 8081, problems);
        List<InetSocketAddress> contactPoints = s.addresses("CASSANDRA_CONTACT_POINTS",
                List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042)), problems);
        MasterKey masterKey = MasterKey.fromSettings(s, problems);
        Duration countKeep = s.duration("QUERY_COUNT_KEEP", Duration.ofMinutes(1), problems);
        QueryConfig config = new QueryConfig(s.get("QUERY_HOST", "127.0.0.1"), port, contactPoints,
                s.get("CASSANDRA_LOCAL_DC", "datacenter1"), s.get("CASSANDRA_KEYSPACE", "aigw"), s.get("ADMIN_TOKEN"),
                countKeep,
                new ControlPlane.Settings(s.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                        URI.create(s.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085")),
                        s.get("CONTROL_KEYS_TOPIC", Topics.CONTROL_KEYS),
                        s.get("CONTROL_PROVIDERS_TOPIC", Topics.CONTROL_PROVIDERS),
                        masterKey));
        problems.addAll(s.unknownFlags());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}
