package dev.aigw.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the schemas topic when missing and refuses one that cannot give a single total order. */
final class SchemaTopic {
    private static final Logger LOG = Logger.getLogger(SchemaTopic.class.getName());
    private static final long TIMEOUT_SECONDS = 30;

    private SchemaTopic() {
    }

    static void ensure(Admin admin, RegistryConfig config) {
        String topic = config.topic();
        try {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, config.replication())
                                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(config.minInSync())))))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                LOG.info(() -> "Created schemas topic " + topic + " (compacted, replication " + config.replication() + ")");
            } catch (ExecutionException e) {
                // Another registry instance may have created it first; that is the normal case on a restart.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw failure(config, "cannot create it", e.getCause());
                }
            }
            List<TopicPartitionInfo> partitions = partitions(admin, topic);
            if (partitions.size() != 1) {
                throw new IllegalStateException("Schemas topic " + topic + " has " + partitions.size()
                        + " partitions; the registry needs exactly 1 so that every instance reads registrations in one order");
            }
            int replicas = partitions.getFirst().replicas().size();
            if (replicas < config.replication()) {
                throw new IllegalStateException("Kafka topic " + topic + " has " + replicas
                        + (replicas == 1 ? " replica" : " replicas") + ", fewer than the " + config.replication() + " configured by " + RegistryConfig.REPLICATION + " or "
                        + RegistryConfig.KAFKA_REPLICATION + "; add replicas to the topic (kafka-reassign-partitions)"
                        + " or lower the setting");
            }
        } catch (ExecutionException e) {
            throw failure(config, "cannot describe it", e.getCause());
        } catch (TimeoutException e) {
            throw failure(config, "no answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(config, "interrupted", e);
        }
    }

    // A topic just created may not be in the metadata the broker serves yet: describing it can answer "unknown topic"
    // for a moment, so that answer is retried until the deadline.
    private static List<TopicPartitionInfo> partitions(Admin admin, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .get(topic).partitions();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static IllegalStateException failure(RegistryConfig config, String what, Throwable cause) {
        return new IllegalStateException("Schemas topic " + config.topic() + " on " + config.kafkaBootstrap() + ": " + what
                + ": " + cause, cause);
    }
}
