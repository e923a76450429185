package dev.aigw.recorder.config;

import dev.aigw.schemas.Topics;
import dev.aigw.servicekit.cassandra.CassandraSettings;
import dev.aigw.servicekit.chain.SigningKey;
import dev.aigw.servicekit.config.CassandraConsistency;
import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.servicekit.config.Settings;
import dev.aigw.servicekit.kafka.KafkaEndpoints;
import dev.aigw.servicekit.kafka.KafkaReplication;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the recorder needs, read once at start.
 *
 * @param host               health endpoint listen address
 * @param port               health endpoint port (0 = ephemeral)
 * @param kafkaBootstrap     Kafka bootstrap servers
 * @param kafkaReplication   replication of the topics the recorder and its Streams app create, and their floor
 * @param schemaRegistryUrl  Confluent-compatible schema registry
 * @param interceptionsTopic source topic
 * @param deadLetterTopic    where undecodable and refused events go
 * @param rowsTopic          the topology's audit rows, read by the Cassandra row sink
 * @param rowsDeadLetterTopic where the row sink sends rows Cassandra refuses for good
 * @param applicationId      Kafka Streams application id (consumer group); the row sink's group is this plus {@code -sink}
 * @param threads            Kafka Streams threads
 * @param stateDir           Kafka Streams state directory
 * @param cassandra          where the audit store is: contact points, local data center, keyspace
 * @param replication        CQL replication map used when creating the keyspace
 * @param writeConsistency   consistency level of every audit write
 * @param retention          how long rows live after their interception started; zero keeps them forever
 * @param incompleteAfter    how long after its last event an interception without an end is closed as incomplete
 * @param lateEventWindow    how long after its start an interception still takes events; later ones are dead letters
 * @param stallAfter         how long a hop (the row sink's held rows, the Streams app's lag) may stand still before
 *                           readiness turns red
 * @param signingKey         the operator's audit signing key; without one no audit chain is written
 */
public record RecorderConfig(String host,
                             int port,
                             String kafkaBootstrap,
                             KafkaReplication kafkaReplication,
                             URI schemaRegistryUrl,
                             String interceptionsTopic,
                             String deadLetterTopic,
                             String rowsTopic,
                             String rowsDeadLetterTopic,
                             String applicationId,
                             int threads,
                             Path stateDir,
                             CassandraSettings cassandra,
                             String replication,
                             CassandraConsistency writeConsistency,
                             Duration retention,
                             Duration incompleteAfter,
                             Duration lateEventWindow,
                             Duration stallAfter,
                             Optional<SigningKey> signingKey) {
    /** Default name of the rows topic. */
    public static final String ROWS_TOPIC = "aigw.audit.rows.v1";
    /** Default name of the rows' dead-letter topic. */
    public static final String ROWS_DLQ_TOPIC = "aigw.audit.rows.dlq.v1";

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
        return from(Settings.load(env, args, problems), problems);
    }

    /** Reads and validates the configuration from loaded settings; throws listing {@code problems} and its own. */
    public static RecorderConfig from(Settings s, List<String> problems) {
        int port = s.integer("RECORDER_PORT", 8082, problems);
        int threads = s.integer("RECORDER_THREADS", 1, problems);
        Duration retention = s.duration("RETENTION", Duration.ofDays(60), problems);
        Duration incompleteAfter = s.duration("RECORDER_INCOMPLETE_TIMEOUT", Duration.ofMinutes(10), problems);
        Duration lateWindow = s.duration("RECORDER_LATE_EVENT_WINDOW", Duration.ofDays(7), problems);
        Duration stallAfter = s.duration("RECORDER_STALL_AFTER", Duration.ofMinutes(3), problems);
        CassandraSettings cassandra = CassandraSettings.from(s, problems);
        KafkaEndpoints kafka = KafkaEndpoints.from(s);
        if (threads < 1) {
            problems.add(Settings.PREFIX + "RECORDER_THREADS must be at least 1, got " + threads);
        }
        if (incompleteAfter.isZero()) {
            problems.add(Settings.PREFIX + "RECORDER_INCOMPLETE_TIMEOUT must be longer than zero");
        }
        if (stallAfter.isZero()) {
            problems.add(Settings.PREFIX + "RECORDER_STALL_AFTER must be longer than zero");
        }
        if (lateWindow.compareTo(incompleteAfter) <= 0) {
            problems.add(Settings.PREFIX + "RECORDER_LATE_EVENT_WINDOW must be longer than "
                    + Settings.PREFIX + "RECORDER_INCOMPLETE_TIMEOUT");
        }
        RecorderConfig config = new RecorderConfig(s.get("RECORDER_HOST", "127.0.0.1"), port,
                kafka.bootstrap(),
                KafkaReplication.from(s, problems),
                kafka.schemaRegistryUrl(),
                s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS),
                s.get("INTERCEPTIONS_DLQ_TOPIC", Topics.INTERCEPTIONS_DLQ),
                s.get("RECORDER_ROWS_TOPIC", ROWS_TOPIC),
                s.get("RECORDER_ROWS_DLQ_TOPIC", ROWS_DLQ_TOPIC),
                s.get("RECORDER_APPLICATION_ID", "aigw-recorder"),
                threads,
                Path.of(s.get("DATA_DIR", System.getProperty("java.io.tmpdir") + "/aigw-recorder")),
                cassandra,
                s.get("CASSANDRA_REPLICATION", "{'class': 'SimpleStrategy', 'replication_factor': 1}"),
                s.choice("CASSANDRA_WRITE_CONSISTENCY", CassandraConsistency.LOCAL_ONE, problems),
                retention,
                incompleteAfter,
                lateWindow,
                stallAfter,
                s.get(SigningKey.SETTING).flatMap(key -> SigningKey.parse(key, problems)));
        problems.addAll(s.unknownFlags());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}
