package dev.aigw.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicSetupTest {
    private static final List<Node> BROKERS = List.of(new Node(1, "k1", 9092), new Node(2, "k2", 9092),
            new Node(3, "k3", 9092));

    @Test
    void shouldNameThePartitionWithTheFewestReplicas() {
        TopicDescription topic = topic(3, 2, 3);

        assertThat(TopicSetup.shortfall(topic, new KafkaReplication((short) 3, 2))).hasValue("Kafka topic events has "
                + "2 replicas (partition 1), fewer than the 3 configured by CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR; "
                + "add replicas to the topic (kafka-reassign-partitions) or lower the setting");
    }

    @Test
    void shouldAcceptAsManyOrMoreReplicasThanConfigured() {
        assertThat(TopicSetup.shortfall(topic(2, 2), new KafkaReplication((short) 2, 1))).isEmpty();
        assertThat(TopicSetup.shortfall(topic(3, 3), new KafkaReplication((short) 2, 2))).isEmpty();
        assertThat(TopicSetup.shortfall(topic(1), KafkaReplication.SINGLE_NODE)).isEmpty();
    }

    private static TopicDescription topic(int... replicasPerPartition) {
        List<TopicPartitionInfo> partitions = new ArrayList<>();
        for (int p = 0; p < replicasPerPartition.length; p++) {
            List<Node> replicas = BROKERS.subList(0, replicasPerPartition[p]);
            partitions.add(new TopicPartitionInfo(p, replicas.getFirst(), replicas, replicas));
        }
        return new TopicDescription("events", false, partitions);
    }
}
