package dev.aigw.siem.config;

import dev.aigw.schemas.Topics;
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

/**
 * Everything the SIEM stream needs, read once at start.
 *
 * @param host               health endpoint listen address
 * @param port               health endpoint port (0 = ephemeral)
 * @param kafkaBootstrap     Kafka bootstrap servers
 * @param kafkaReplication   replication of the SIEM topic and the Streams app's internal topics
 * @param schemaRegistryUrl  Confluent-compatible schema registry the event values are registered in
 * @param interceptionsTopic source topic (Avro events)
 * @param siemTopic          where the JSON documents go
 * @param applicationId      Kafka Streams application id (consumer group)
 * @param stateDir           Kafka Streams state directory
 * @param summaryTimeout     how long after its last event an interception whose summary is not due yet gets one anyway,
 *                           marked incomplete
 * @param dedupWindow        how long after its start an interception's state is kept to drop duplicates
 */
public record SiemConfig(String host,
                         int port,
                         String kafkaBootstrap,
                         KafkaReplication kafkaReplication,
                         URI schemaRegistryUrl,
                         String interceptionsTopic,
                         String siemTopic,
                         String applicationId,
                         Path stateDir,
                         Duration summaryTimeout,
                         Duration dedupWindow) {
    /** Default name of the SIEM topic. */
    public static final String SIEM_TOPIC = "aigw.siem.v1";

    /** Reads and validates the configuration from the environment alone. */
    public static SiemConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, List.of());
    }

    /**
     * Reads and validates the configuration from flags, the environment and the YAML file, in that precedence; throws
     * {@link ConfigException} listing every problem.
     */
    public static SiemConfig fromEnv(Map<String, String> env, List<String> args) {
        List<String> problems = new ArrayList<>();
        return from(Settings.load(env, args, problems), problems);
    }

    /** Reads and validates the configuration from loaded settings; throws listing {@code problems} and its own. */
    public static SiemConfig from(Settings s, List<String> problems) {
        KafkaEndpoints kafka = KafkaEndpoints.from(s);
        int port = s.integer("SIEM_PORT", 8086, problems);
        Duration summaryTimeout = s.duration("SIEM_SUMMARY_TIMEOUT", Duration.ofMinutes(10), problems);
        Duration dedupWindow = s.duration("SIEM_DEDUP_WINDOW", Duration.ofDays(7), problems);
        if (summaryTimeout.isZero()) {
            problems.add(Settings.PREFIX + "SIEM_SUMMARY_TIMEOUT must be longer than zero");
        }
        if (dedupWindow.compareTo(summaryTimeout) <= 0) {
            problems.add(Settings.PREFIX + "SIEM_DEDUP_WINDOW must be longer than " + Settings.PREFIX + "SIEM_SUMMARY_TIMEOUT");
        }
        SiemConfig config = new SiemConfig(s.get("SIEM_HOST", "127.0.0.1"), port,
                kafka.bootstrap(),
                KafkaReplication.from(s, problems),
                kafka.schemaRegistryUrl(),
                s.get("INTERCEPTIONS_TOPIC", Topics.INTERCEPTIONS),
                s.get("SIEM_TOPIC", SIEM_TOPIC),
                s.get("SIEM_APPLICATION_ID", "aigw-siem"),
                Path.of(s.get("DATA_DIR", System.getProperty("java.io.tmpdir") + "/aigw-siem")),
                summaryTimeout,
                dedupWindow);
        problems.addAll(s.unknownFlags());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }
}
