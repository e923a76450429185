package dev.aigw.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.testkit.RealStack;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Topics created and checked against the configured replication on the test kit's real (single) broker. */
class TopicSetupIT {
    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap()));

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void shouldRefuseAnExistingTopicWithFewerReplicasThanConfiguredNamingTopicAndBothNumbers() {
        String topic = RealStack.unique("thin");
        RealStack.createTopics(1, topic);
        KafkaReplication two = new KafkaReplication((short) 2, 1);

        assertThatThrownBy(() -> TopicSetup.ensure(admin, two, List.of(two.newTopic(topic, 1, Map.of()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kafka topic " + topic + " has 1 replica (partition 0), fewer than the 2 configured by "
                        + "CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR; add replicas to the topic (kafka-reassign-partitions) "
                        + "or lower the setting");
        assertThatThrownBy(() -> TopicSetup.check(admin, two, List.of(topic)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(topic).hasMessageContaining("has 1 replica").hasMessageContaining("the 2 configured");
    }

    @Test
    void shouldAcceptAnExistingTopicWithAsManyReplicasAsConfigured() throws Exception {
        String topic = RealStack.unique("enough");
        RealStack.createTopics(3, topic);

        assertThat(TopicSetup.check(admin, KafkaReplication.SINGLE_NODE, List.of(topic)).get(topic).partitions()).hasSize(3);
        TopicSetup.ensure(admin, KafkaReplication.SINGLE_NODE, List.of(KafkaReplication.SINGLE_NODE.newTopic(topic, 1, Map.of())));
    }

    @Test
    void shouldCreateAMissingTopicWithItsMinInSyncReplicas() throws Exception {
        String topic = RealStack.unique("fresh");

        TopicSetup.ensure(admin, KafkaReplication.SINGLE_NODE, List.of(KafkaReplication.SINGLE_NODE.newTopic(topic, 2,
                Map.of("cleanup.policy", "compact"))));

        var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        assertThat(description.partitions()).hasSize(2).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get("min.insync.replicas").value()).isEqualTo("1");
        assertThat(config.get("min.insync.replicas").isDefault()).isFalse();
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
}
