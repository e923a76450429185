package dev.aigw.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.config.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaReplicationTest {
    @Test
    void shouldKeepOneReplicaAndOneInSyncWhenNothingIsSet() {
        List<String> problems = new ArrayList<>();

        KafkaReplication replication = read(Map.of(), List.of(), problems);

        assertThat(problems).isEmpty();
        assertThat(replication).isEqualTo(KafkaReplication.SINGLE_NODE);
        assertThat(replication.topicConfigs()).containsExactly(Map.entry("min.insync.replicas", "1"));
    }

    @Test
    void shouldReadThePairFromTheEnvironmentAndFlags() {
        List<String> problems = new ArrayList<>();

        KafkaReplication fromEnv = read(Map.of("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3",
                "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2"), List.of(), problems);
        KafkaReplication fromFlags = read(Map.of(), List.of("--ai-gateway-kafka-replication-factor=5",
                "--ai-gateway-kafka-min-insync-replicas=3"), problems);

        assertThat(problems).isEmpty();
        assertThat(fromEnv).isEqualTo(new KafkaReplication((short) 3, 2));
        assertThat(fromFlags).isEqualTo(new KafkaReplication((short) 5, 3));
    }

    @Test
    void shouldRefuseMoreInSyncReplicasThanReplicasNamingBothSettings() {
        List<String> problems = new ArrayList<>();

        read(Map.of("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "2", "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "3"),
                List.of(), problems);

        assertThat(problems).containsExactly("CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS (3) must not exceed "
                + "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR (2): no write could ever be acknowledged");
    }

    @Test
    void shouldRefuseZeroAndNonNumbersWithOneLineEach() {
        List<String> problems = new ArrayList<>();

        read(Map.of("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "0", "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "two"),
                List.of(), problems);
        read(Map.of("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "40000"), List.of(), problems);

        assertThat(problems).containsExactly(
                "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS must be an integer, got \"two\"",
                "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR must be from 1 to 32767, got 0",
                "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR must be from 1 to 32767, got 40000");
    }

    @Test
    void shouldCreateTopicsWithTheFactorAndMinInSyncBesideTheirOwnSettings() {
        NewTopic topic = new KafkaReplication((short) 3, 2).newTopic("t", 6, Map.of("cleanup.policy", "compact"));

        assertThat(topic.name()).isEqualTo("t");
        assertThat(topic.numPartitions()).isEqualTo(6);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).containsOnly(Map.entry("cleanup.policy", "compact"),
                Map.entry("min.insync.replicas", "2"));
    }

    private static KafkaReplication read(Map<String, String> env, List<String> args, List<String> problems) {
        Settings s = Settings.load(env, args, problems);
        return KafkaReplication.from(s, problems);
    }
}
