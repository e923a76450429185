package dev.aigw.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.topology.Counters;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Streams app's internal topics are replicated like the project's own. */
class StreamsSettingsTest {
    @Test
    void shouldGiveInternalTopicsTheConfiguredReplicationAndMinInSyncReplicas() {
        RecorderConfig config = RecorderConfig.fromEnv(Map.of("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3",
                "CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2"));

        Properties p = Recorder.streamsConfig(config, new Counters());
        StreamsConfig streams = new StreamsConfig(p);

        assertThat(streams.getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
        assertThat(streams.originalsWithPrefix(StreamsConfig.TOPIC_PREFIX)).containsEntry("min.insync.replicas", 2);
        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldKeepOneReplicaOnASingleBrokerByDefault() {
        Properties p = Recorder.streamsConfig(RecorderConfig.fromEnv(Map.of()), new Counters());

        assertThat(new StreamsConfig(p).getInt(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(1);
        assertThat(p).containsEntry("topic.min.insync.replicas", 1);
    }
}
