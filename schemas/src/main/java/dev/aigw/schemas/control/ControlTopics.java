package dev.aigw.schemas.control;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the control topics, compacted with one partition, when a deployment has not created them itself. */
public final class ControlTopics {
    private ControlTopics() {
    }

    /** Creates each topic unless it exists; replication is the broker's default. */
    public static void ensure(String bootstrap, String... topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : topics) {
                // One partition: the control state is small, and one partition keeps every change in one order.
                NewTopic spec = new NewTopic(topic, Optional.of(1), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                create(admin, spec);
            }
        }
    }

    private static void create(Admin admin, NewTopic spec) {
        try {
            admin.createTopics(Set.of(spec)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create control topic " + spec.name() + ": " + e.getCause(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating control topic " + spec.name(), e);
        }
    }
}
