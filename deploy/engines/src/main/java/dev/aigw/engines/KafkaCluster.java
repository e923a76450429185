package dev.aigw.engines;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A KRaft cluster of combined broker and controller nodes on loopback, each a child process: a fixed quorum of
 * voters with node ids 1..n. Any node can be killed, stopped and started again on its data while the others serve.
 */
public final class KafkaCluster extends EngineGroup<KafkaBroker.Settings, KafkaBroker> {
    private KafkaCluster(List<KafkaBroker.Settings> nodes, KafkaBroker[] brokers) {
        super("kafka broker", nodes, brokers);
    }

    /** {@code nodes} as the voters of one quorum that formats with {@code clusterId}: node ids 1..n in list order. */
    public static List<KafkaBroker.Settings> voters(List<KafkaBroker.Settings> nodes, String clusterId) {
        List<KafkaBroker.Quorum.Peer> peers = IntStream.range(0, nodes.size())
                .mapToObj(i -> new KafkaBroker.Quorum.Peer(i + 1, nodes.get(i).controllerPort()))
                .toList();
        return IntStream.range(0, nodes.size())
                .mapToObj(i -> nodes.get(i).in(new KafkaBroker.Quorum.Voter(i + 1, clusterId, peers)))
                .toList();
    }

    /**
     * Launches every voter, then waits for each: a voter is ready only once a majority of the quorum runs. If one
     * does not become ready, the others are stopped too.
     */
    public static KafkaCluster start(List<KafkaBroker.Settings> voters, Duration timeout) {
        KafkaBroker[] brokers = new KafkaBroker[voters.size()];
        try {
            for (int i = 0; i < voters.size(); i++) {
                brokers[i] = KafkaBroker.launch(voters.get(i));
            }
            for (KafkaBroker broker : brokers) {
                broker.awaitReady(timeout);
            }
        } catch (RuntimeException e) {
            new KafkaCluster(voters, brokers).close();
            throw e;
        }
        return new KafkaCluster(voters, brokers);
    }

    /** Every broker's address, comma-separated, for {@code bootstrap.servers}. */
    public String bootstrap() {
        return settings().stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    @Override
    KafkaBroker start(KafkaBroker.Settings settings, Duration timeout) {
        return KafkaBroker.start(settings, timeout);
    }
}
