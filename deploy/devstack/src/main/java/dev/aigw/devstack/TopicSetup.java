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

    static void createTopics(String bootstrap) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            KafkaTopics.createIfAbsent(admin, List.of(
                    new NewTopic(Topics.INTERCEPTIONS, 3, (short) 1),
                    new NewTopic(Topics.INTERCEPTIONS_DLQ, 1, (short) 1),
                    new NewTopic(Topics.CONTROL_KEYS, 1, (short) 1).configs(COMPACTED),
                    new NewTopic(Topics.CONTROL_PROVIDERS, 1, (short) 1).configs(COMPACTED)));
        }
    }
}
