package dev.aigw.control;

import dev.aigw.servicekit.kafka.KafkaReplication;
import dev.aigw.servicekit.kafka.TopicSetup;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the control topics, compacted with one partition and the configured replication, when a deployment has not
 * created them itself; existing ones are checked against that replication.
 */
public final class ControlTopics {
    private ControlTopics() {
    }

    /** Creates each topic unless it exists, and refuses one with fewer replicas than {@code replication} asks. */
    public static void ensure(String bootstrap, KafkaReplication replication, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // One partition: the control state is small, and one partition keeps every change in one order.
            TopicSetup.ensure(admin, replication, Arrays.stream(topics).map(topic -> replication.newTopic(topic, 1,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create control topics " + String.join(", ", topics) + ": "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating control topics", e);
        }
    }
}
