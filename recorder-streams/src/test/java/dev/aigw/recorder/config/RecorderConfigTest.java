package dev.aigw.recorder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.servicekit.config.CassandraConsistency;
import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.servicekit.kafka.KafkaReplication;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderConfigTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepRowsSixtyDaysByDefault() {
        RecorderConfig config = RecorderConfig.fromEnv(Map.of());

        assertThat(config.retention()).isEqualTo(Duration.ofDays(60));
        assertThat(config.port()).isEqualTo(8082);
        assertThat(config.cassandra().contactPoints()).containsExactly(InetSocketAddress.createUnresolved("127.0.0.1", 9042));
        assertThat(config.stallAfter()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.rowsDeadLetterTopic()).isEqualTo("aigw.audit.rows.dlq.v1");
    }

    @Test
    void shouldRefuseAZeroStallThreshold() {
        assertThatThrownBy(() -> RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_RECORDER_STALL_AFTER", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CODER_AI_GATEWAY_RECORDER_STALL_AFTER must be longer than zero");
    }

    @Test
    void shouldReadRetentionFromAFlagOverTheEnvironmentOverTheYamlFile() throws IOException {
        Path file = Files.writeString(dir.resolve("recorder.yaml"), "ai_gateway:\n  retention: 0\n  recorder_port: 9\n");
        Map<String, String> env = Map.of("CODER_AI_GATEWAY_CONFIG", file.toString(), "CODER_AI_GATEWAY_RETENTION", "720h");

        assertThat(RecorderConfig.fromEnv(env, List.of("--ai-gateway-retention=90d")).retention()).isEqualTo(Duration.ofDays(90));
        assertThat(RecorderConfig.fromEnv(env).retention()).isEqualTo(Duration.ofHours(720));
        assertThat(RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_CONFIG", file.toString())).retention()).isZero();
        assertThat(RecorderConfig.fromEnv(env).port()).isEqualTo(9);
    }

    @Test
    void shouldCloseIncompleteAfterTenMinutesAndTakeLateEventsForAWeekByDefault() {
        RecorderConfig config = RecorderConfig.fromEnv(Map.of());

        assertThat(config.incompleteAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.lateEventWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.deadLetterTopic()).isEqualTo("aigw.interceptions.dlq.v1");
        assertThat(config.rowsTopic()).isEqualTo("aigw.audit.rows.v1");
    }

    @Test
    void shouldReadTheRecordersOwnOptionsFromFlags() {
        RecorderConfig config = RecorderConfig.fromEnv(Map.of(), List.of("--ai-gateway-recorder-incomplete-timeout=90s",
                "--ai-gateway-recorder-late-event-window=2d", "--ai-gateway-recorder-threads=4",
                "--ai-gateway-interceptions-dlq-topic=dead", "--ai-gateway-recorder-rows-topic=rows"));

        assertThat(config.incompleteAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.lateEventWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(config.threads()).isEqualTo(4);
        assertThat(config.deadLetterTopic()).isEqualTo("dead");
        assertThat(config.rowsTopic()).isEqualTo("rows");
    }

    @Test
    void shouldRefuseNoThreadsAZeroTimeoutAndALateWindowNotLongerThanIt() {
        assertThatThrownBy(() -> RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_RECORDER_THREADS", "0",
                "CODER_AI_GATEWAY_RECORDER_INCOMPLETE_TIMEOUT", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CODER_AI_GATEWAY_RECORDER_THREADS must be at least 1, got 0\n"
                        + "CODER_AI_GATEWAY_RECORDER_INCOMPLETE_TIMEOUT must be longer than zero");
        assertThatThrownBy(() -> RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_RECORDER_INCOMPLETE_TIMEOUT", "2h",
                "CODER_AI_GATEWAY_RECORDER_LATE_EVENT_WINDOW", "1h")))
                .hasMessage("CODER_AI_GATEWAY_RECORDER_LATE_EVENT_WINDOW must be longer than"
                        + " CODER_AI_GATEWAY_RECORDER_INCOMPLETE_TIMEOUT");
    }

    @Test
    void shouldRefuseAMalformedRetentionAndUnknownFlags() {
        assertThatThrownBy(() -> RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_RETENTION", "90"),
                List.of("--ai-gateway-allow-byok=false")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CODER_AI_GATEWAY_RETENTION must be a duration such as 30s, 10m or 1h30m, got \"90\"\n"
                        + "unknown flag --ai-gateway-allow-byok");
    }

    @Test
    void shouldWriteAtLocalOneOnOneReplicaByDefaultAndReadTheClusterSettings() {
        RecorderConfig single = RecorderConfig.fromEnv(Map.of());
        RecorderConfig cluster = RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_CASSANDRA_WRITE_CONSISTENCY", "local_quorum",
                "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3", "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2"));

        assertThat(single.writeConsistency()).isEqualTo(CassandraConsistency.LOCAL_ONE);
        assertThat(single.kafkaReplication()).isEqualTo(KafkaReplication.SINGLE_NODE);
        assertThat(cluster.writeConsistency()).isEqualTo(CassandraConsistency.LOCAL_QUORUM);
        assertThat(cluster.kafkaReplication()).isEqualTo(new KafkaReplication((short) 3, 2));
    }

    @Test
    void shouldRefuseAnUnknownConsistencyLevelListingTheValidOnes() {
        assertThatThrownBy(() -> RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_CASSANDRA_WRITE_CONSISTENCY", "serial")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CODER_AI_GATEWAY_CASSANDRA_WRITE_CONSISTENCY must be one of one, two, three, quorum, all, "
                        + "local_one, local_quorum, each_quorum, got \"serial\"");
    }
}
