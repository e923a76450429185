package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterIT {
    private static final Duration START = Duration.ofSeconds(120);
    // Until the controller fences the killed broker (its session times out) the leader waits for it; the producer retries.
    private static final Duration WRITE = Duration.ofSeconds(150);

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAcksAllWritesWhenOneOfThreeBrokersIsKilled() throws Exception {
        List<KafkaBroker.Settings> nodes = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            Path node = dir.resolve("kafka-" + id);
            nodes.add(KafkaBroker.Settings.of(node, Ports.freePort(), Ports.freePort(), node.resolve("broker.log")));
        }
        try (KafkaCluster cluster = KafkaCluster.start(KafkaCluster.voters(nodes, KafkaBroker.newClusterId()), START);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()));
             KafkaProducer<String, String> producer = producer(cluster)) {
            admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 3)
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")))).all().get();
            assertThat(partition(admin).replicas()).hasSize(3);
            send(producer, "before");

            int leader = partition(admin).leader().id();
            cluster.kill(leader);
            assertThat(cluster.member(leader).process().isAlive()).isFalse();

            RecordMetadata during = send(producer, "while one broker is down");
            assertThat(during.offset()).isEqualTo(1);
            // The broker answering may apply the new leadership a moment after the leader did.
            await("broker " + leader + " out of sync", admin, p -> p.leader().id() != leader && p.isr().size() == 2);

            cluster.restart(leader, START);
            await("broker " + leader + " back in sync", admin, p -> p.isr().size() == 3);
        }
    }

    private static void await(String what, Admin admin, Predicate<TopicPartitionInfo> condition) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (!condition.test(partition(admin))) {
            assertThat(System.nanoTime()).as(what + ": " + partition(admin)).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaCluster cluster) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WRITE.toMillis() - 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static RecordMetadata send(KafkaProducer<String, String> producer, String value) throws Exception {
        return producer.send(new ProducerRecord<>("replicated", value)).get(WRITE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static TopicPartitionInfo partition(Admin admin) throws Exception {
        TopicDescription description = admin.describeTopics(List.of("replicated")).allTopicNames().get().get("replicated");
        return description.partitions().getFirst();
    }
}
