package dev.aigw.devstack;

import java.util.List;
import java.util.Map;

import dev.aigw.engines.KafkaTopics;
import dev.aigw.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the stack's topics unless they exist; the registry creates its own {@code _schemas}. */
final class TopicSetup {
    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private TopicSetup() {
    }

    /**
     * Creates the topics with one replica per broker; with several, a write needs all but one of them in sync
     * (the broker's default, which the cluster's brokers are configured with).
     */
    static void createTopics(String bootstrap, int brokers) {
        short replicas = (short) brokers;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            KafkaTopics.createIfAbsent(admin, List.of(
                    new NewTopic(Topics.INTERCEPTIONS, 3, replicas),
                    new NewTopic(Topics.INTERCEPTIONS_DLQ, 1, replicas),
                    new NewTopic(Topics.CONTROL_KEYS, 1, replicas).configs(COMPACTED),
                    new NewTopic(Topics.CONTROL_PROVIDERS, 1, replicas).configs(COMPACTED)));
        }
    }
}
