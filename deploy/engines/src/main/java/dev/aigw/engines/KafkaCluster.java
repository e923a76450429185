package dev.aigw.engines;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A KRaft cluster of combined broker and controller nodes on loopback, each a child process: a fixed quorum of
 * voters with node ids 1..n. Any node can be killed, stopped and started again on its data while the others serve.
 */
public final class KafkaCluster implements AutoCloseable {
    private final List<KafkaBroker.Settings> nodes;
    private final KafkaBroker[] brokers;

    private KafkaCluster(List<KafkaBroker.Settings> nodes, KafkaBroker[] brokers) {
        this.nodes = nodes;
        this.brokers = brokers;
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
        return new KafkaCluster(List.copyOf(voters), brokers);
    }

    /** Every broker's address, comma-separated, for {@code bootstrap.servers}. */
    public String bootstrap() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    /** The broker with node id {@code nodeId} (1..n), as last started. */
    public synchronized KafkaBroker broker(int nodeId) {
        return brokers[index(nodeId)];
    }

    /** The brokers in node-id order, as last started. */
    public synchronized List<KafkaBroker> brokers() {
        return List.of(brokers);
    }

    /** SIGKILL to one broker, as a crash would end it. */
    public void kill(int nodeId) {
        broker(nodeId).process().kill();
    }

    /** SIGTERM to one broker (a controlled shutdown), waiting until it is gone. */
    public void stop(int nodeId) {
        broker(nodeId).close();
    }

    /** Starts a stopped or killed broker again on its data and waits until it accepts clients. */
    public synchronized KafkaBroker restart(int nodeId, Duration timeout) {
        int i = index(nodeId);
        if (brokers[i].process().isAlive()) {
            throw new IllegalStateException("kafka broker " + nodeId + " is running (pid " + brokers[i].process().pid() + ")");
        }
        brokers[i] = KafkaBroker.start(nodes.get(i), timeout);
        return brokers[i];
    }

    /** SIGTERM to every broker at once, then waits for each: one by one, the last would wait for a quorum already gone. */
    @Override
    public synchronized void close() {
        List<KafkaBroker> started = new ArrayList<>();
        for (KafkaBroker broker : brokers) {
            if (broker != null) {
                broker.process().signalStop();
                started.add(broker);
            }
        }
        started.forEach(KafkaBroker::close);
    }

    private int index(int nodeId) {
        if (nodeId < 1 || nodeId > nodes.size()) {
            throw new IllegalArgumentException("no kafka broker " + nodeId + "; node ids are 1.." + nodes.size());
        }
        return nodeId - 1;
    }
}
