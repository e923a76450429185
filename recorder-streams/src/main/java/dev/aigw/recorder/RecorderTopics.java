package dev.aigw.recorder;

import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.servicekit.kafka.KafkaReplication;
import dev.aigw.servicekit.kafka.TopicSetup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics the recorder writes, unless they exist; the events topic must exist already. Every one of them,
 * the events topic too, must have at least the configured replicas.
 */
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
        KafkaReplication replication = config.kafkaReplication();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            TopicDescription events = TopicSetup.check(admin, replication, List.of(config.interceptionsTopic()))
                    .get(config.interceptionsTopic());
            TopicSetup.ensure(admin, replication, List.of(
                    replication.newTopic(config.deadLetterTopic(), 1, Map.of()),
                    replication.newTopic(config.rowsDeadLetterTopic(), 1, Map.of()),
                    replication.newTopic(config.rowsTopic(), events.partitions().size(),
                            Map.of(TopicConfig.RETENTION_MS_CONFIG, ROWS_RETENTION_MS))));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up the recorder's topics (does " + config.interceptionsTopic()
                    + " exist?): " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        }
    }
}
