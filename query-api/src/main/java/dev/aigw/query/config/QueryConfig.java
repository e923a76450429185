package dev.aigw.query.config;

import dev.aigw.servicekit.cassandra.CassandraSettings;
import dev.aigw.servicekit.config.CassandraConsistency;
import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.schemas.Topics;
import dev.aigw.servicekit.chain.SigningKey;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.control.ControlPlane;
import dev.aigw.control.MasterKey;
import dev.aigw.servicekit.kafka.KafkaEndpoints;
import dev.aigw.servicekit.kafka.KafkaReplication;
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
 * @param cassandra              where the audit store is: contact points, local data center, keyspace
 * @param readConsistency        consistency level of every audit read
 * @param adminToken             bootstrap admin credential, if set
 * @param countKeep              how long the count of a past day is kept (0 = always counted afresh)
 * @param maxBodyBytes           largest request body accepted (413 above)
 * @param keyMaxLifetime         latest expiry a new gateway key may be given, from its creation
 * @param control                where the control topics are and the master key sealing provider secrets
 * @param signingKey             the audit chain's signing key; without one the chain cannot be verified
 */
public record QueryConfig(String host,
                          int port,
                          CassandraSettings cassandra,
                          CassandraConsistency readConsistency,
                          Optional<String> adminToken,
                          Duration countKeep,
                          long maxBodyBytes,
                          Duration keyMaxLifetime,
                          ControlPlane.Settings control,
                          Optional<SigningKey> signingKey) {
    /** Default of {@code QUERY_MAX_BODY_BYTES}: 1 MiB, far above any key or provider request. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Default of {@code QUERY_KEY_MAX_LIFETIME}: two years. */
    public static final Duration DEFAULT_KEY_MAX_LIFETIME = Duration.ofDays(730);

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
        return from(Settings.load(env, args, problems), problems);
    }

    /** Reads and validates the configuration from loaded settings; throws listing {@code problems} and its own. */
    public static QueryConfig from(Settings s, List<String> problems) {
        int port = s.integer("QUERY_PORT", 8081, problems);
        CassandraSettings cassandra = CassandraSettings.from(s, problems);
        KafkaEndpoints kafka = KafkaEndpoints.from(s);
        MasterKey masterKey = MasterKey.fromSettings(s, problems);
        Duration countKeep = s.duration("QUERY_COUNT_KEEP", Duration.ofMinutes(1), problems);
        long maxBody = s.longInteger("QUERY_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, problems);
        if (maxBody <= 0) {
            problems.add(s.setting("QUERY_MAX_BODY_BYTES").orElseThrow().source() + " must be a positive number of bytes");
        }
        Duration keyLifetime = s.duration("QUERY_KEY_MAX_LIFETIME", DEFAULT_KEY_MAX_LIFETIME, problems);
        if (keyLifetime.isZero() || keyLifetime.isNegative()) {
            problems.add(s.setting("QUERY_KEY_MAX_LIFETIME").orElseThrow().source() + " must be a positive duration");
        }
        QueryConfig config = new QueryConfig(s.get("QUERY_HOST", "127.0.0.1"), port, cassandra,
                s.choice("CASSANDRA_READ_CONSISTENCY", CassandraConsistency.LOCAL_ONE, problems), s.get("ADMIN_TOKEN"),
                countKeep, maxBody, keyLifetime,
                new ControlPlane.Settings(kafka.bootstrap(), kafka.schemaRegistryUrl(),
                        s.get("CONTROL_KEYS_TOPIC", Topics.CONTROL_KEYS),
                        s.get("CONTROL_PROVIDERS_TOPIC", Topics.CONTROL_PROVIDERS),
                        masterKey, KafkaReplication.from(s, problems)),
                s.get(SigningKey.SETTING).flatMap(key -> SigningKey.parse(key, problems)));
        problems.addAll(s.unknownFlags());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}
