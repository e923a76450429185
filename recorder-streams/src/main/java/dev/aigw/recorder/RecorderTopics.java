package dev.aigw.recorder;

import dev.aigw.recorder.config.RecorderConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics the recorder writes, unless they exist; the events topic must exist already. */
final class RecorderTopics {
    // The rows topic is a buffer between the topology and Cassandra: a week covers any outage the sink can catch up on.
    private static final String ROWS_RETENTION_MS = Long.toString(7L * 24 * 3600 * 1000);

    private RecorderTopics() {
    }

    /**
     * Creates the dead-letter topics of events and of rows (one partition each) and the rows topic (as many partitions as the events topic, since
     * the sink scales with it) when missing.
     */
    static void ensure(RecorderConfig config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            TopicDescription events = admin.describeTopics(List.of(config.interceptionsTopic()))
                    .allTopicNames().get().get(config.interceptionsTopic());
            create(admin, new NewTopic(config.deadLetterTopic(), Optional.of(1), Optional.empty()));
            create(admin, new NewTopic(config.rowsDeadLetterTopic(), Optional.of(1), Optional.empty()));
            create(admin, new NewTopic(config.rowsTopic(), Optional.of(events.partitions().size()), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, ROWS_RETENTION_MS)));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up the recorder's topics (does " + config.interceptionsTopic()
                    + " exist?): " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        }
    }

    private static void create(Admin admin, NewTopic topic) throws ExecutionException, InterruptedException {
        try {
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
