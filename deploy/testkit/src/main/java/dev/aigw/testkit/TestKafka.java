package dev.aigw.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.aigw.engines.KafkaTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** One in-process KRaft broker (combined broker and controller) and an admin client for it. */
final class TestKafka implements AutoCloseable {
    // Strong references: JUL forgets the level of a logger nobody holds. Only matters with a JUL SLF4J binding.
    private static final List<Logger> QUIET = List.of(
            Logger.getLogger("kafka"), Logger.getLogger("org.apache.kafka"), Logger.getLogger("state.change.logger"));

    private final KafkaClusterTestKit cluster;
    private final Admin admin;

    private TestKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }

    static TestKafka start() {
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    // Exactly-once Kafka Streams needs the transaction log to be writable on one broker.
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "4")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new TestKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("the in-process Kafka broker did not start", e);
        }
    }

    String bootstrap() {
        return cluster.bootstrapServers();
    }

    void createTopics(int partitions, String... names) {
        List<NewTopic> topics = Arrays.stream(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
        KafkaTopics.createIfAbsent(admin, topics);
        RealStack.await(Duration.ofSeconds(30),
                () -> admin.describeTopics(List.of(names)).allTopicNames().toCompletionStage().toCompletableFuture().join());
    }

    @Override
    public void close() throws Exception {
        admin.close();
        cluster.close();
    }

    @Override
    public String toString() {
        return "in-process Kafka broker at " + bootstrap();
    }
}
