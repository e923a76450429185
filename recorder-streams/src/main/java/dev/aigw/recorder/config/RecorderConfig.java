package dev.aigw.recorder.config;

import dev.aigw.schemas.Topics;
import dev.aigw.schemas.config.ConfigException;
import dev.aigw.schemas.config.Settings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the recorder needs, read once at start.
 *
 * @param host               health endpoint listen address
 * @param port               health endpoint port (0 = ephemeral)
 * @param kafkaBootstrap     Kafka bootstrap servers
 * @param schemaRegistryUrl  Confluent-compatible schema registry
 * @param interceptionsTopic source topic
 * @param applicationId      Kafka Streams application id (consumer group)
 * @param stateDir           Kafka Streams state directory
 * @param cassandraContactPoints {@code host:port} list
 * @param cassandraLocalDc   local datacenter of the driver
 * @param keyspace           audit keyspace
 * @param replication        CQL replication map used when creating the keyspace
 * @param retention          how long rows live after their interception started; zero keeps them forever
 */
public record RecorderConfig(String host,
                             int port,
                             String kafkaBootstrap,
                             URI schemaRegistryUrl,
                             String interceptionsTopic,
                             String applicationId,
                             Path stateDir,
                             List<InetSocketAddress> cassandraContactPoints,
                             String cassandraLocalDc,
                             String keyspace,
                             String replication,
                             Duration retention) {

    /** Reads and validates the configuration from the environment alone. */
    public static RecorderConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    /**
     * Reads and validates the configuration from flags, the environment and the YAML file, in that precedence; throws
     * {@link ConfigException} listing every problem.
     */
    public static RecorderConfig fromEnv(Map<String, String> env, List<String> args) {
        List<String> problems = new ArrayList<>();
        Settings s = Settings.load(env, args, problems);
        int port = s.integer("RECORDER_PORT", 8082, problems);
        Duration retention = s.duration("RETENTION", Duration.ofDays(60), problems);
        List<InetSocketAddress> contactPoints = s.addresses("CASSANDRA_CONTACT_POINTS",
                List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042)), problems);
        RecorderConfig config = new RecorderConfig(s.get("RECORDER_HOST", "127.0.0.1"), port,
                s.get("KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                URI.create(s.get("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085")),
                s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS),
                s.get("RECORDER_APPLICATION_ID", "aigw-recorder"),
                Path.of(s.get("DATA_DIR", System.getProperty("java.io.tmpdir") + "/aigw-recorder")),
                contactPoints,
                s.get("CASSANDRA_LOCAL_DC", "datacenter1"),
                s.get("CASSANDRA_KEYSPACE", "aigw"),
                s.get("CASSANDRA_REPLICATION", "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
                retention);
        problems.addAll(s.unknownFlags());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}
