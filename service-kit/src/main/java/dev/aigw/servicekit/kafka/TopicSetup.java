package dev.aigw.servicekit.kafka;

import dev.aigw.servicekit.config.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the project's topics with the configured replication, and refuses to start on a topic that has fewer replicas
 * than configured: an operator who asked for 3 copies must not run on 1 without knowing. A topic with more is fine.
 */
public final class TopicSetup {
    // Another instance may have created a topic a moment ago; the broker answering may not know it yet.
    private static final long UNKNOWN_TOPIC_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private TopicSetup() {
    }

    /**
     * Creates each topic that does not exist, then checks those that did against {@code replication}.
     *
     * @throws IllegalStateException naming the topic and both numbers when an existing topic has too few replicas
     */
    public static void ensure(Admin admin, KafkaReplication replication, List<NewTopic> topics)
            throws ExecutionException, InterruptedException {
        List<String> existing = new ArrayList<>();
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                existing.add(topic.name());
            }
        }
        verify(describe(admin, existing, true), replication);
    }

    /**
     * Describes topics that must exist already and checks them against {@code replication}.
     *
     * @return each topic's description, for callers that need its partitions
     * @throws IllegalStateException naming the topic and both numbers when a topic has too few replicas
     */
    public static Map<String, TopicDescription> check(Admin admin, KafkaReplication replication, Collection<String> names)
            throws ExecutionException, InterruptedException {
        return verify(describe(admin, names, false), replication);
    }

    /** What is wrong with {@code topic}'s replication, if anything: the fewest replicas of any of its partitions count. */
    static Optional<String> shortfall(TopicDescription topic, KafkaReplication replication) {
        int replicas = topic.partitions().stream().mapToInt(p -> p.replicas().size()).min().orElse(0);
        if (replicas >= replication.factor()) {
            return Optional.empty();
        }
        int partition = topic.partitions().stream().filter(p -> p.replicas().size() == replicas)
                .mapToInt(TopicPartitionInfo::partition).findFirst().orElse(0);
        return Optional.of("Kafka topic " + topic.name() + " has " + replicas + (replicas == 1 ? " replica" : " replicas")
                + " (partition " + partition + "), fewer than the " + replication.factor() + " configured by "
                + Settings.PREFIX + KafkaReplication.FACTOR + "; add replicas to the topic (kafka-reassign-partitions)"
                + " or lower the setting");
    }

    private static Map<String, TopicDescription> verify(Map<String, TopicDescription> topics, KafkaReplication replication) {
        for (TopicDescription topic : topics.values()) {
            shortfall(topic, replication).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
        return topics;
    }

    // Patient: the topics were just found to exist, so "unknown" is a broker whose metadata lags, not a missing topic.
    private static Map<String, TopicDescription> describe(Admin admin, Collection<String> names, boolean patient)
            throws ExecutionException, InterruptedException {
        if (names.isEmpty()) {
            return Map.of();
        }
        long deadline = System.nanoTime() + UNKNOWN_TOPIC_PATIENCE_NANOS;
        while (true) {
            try {
                return admin.describeTopics(names).allTopicNames().get();
            } catch (ExecutionException e) {
                if (!patient || !(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
