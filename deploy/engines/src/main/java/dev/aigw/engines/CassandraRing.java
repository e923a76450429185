package dev.aigw.engines;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A ring of Cassandra nodes on loopback: member i (1..n) listens on 127.0.0.i with the same ports as the others, joins
 * through 127.0.0.1 and owns one token of n spread evenly. Any member can be killed, stopped and started again.
 */
public final class CassandraRing extends EngineGroup<CassandraNode.Settings, CassandraNode> {
    private static final BigInteger TOKEN_SPACE = BigInteger.TWO.pow(64);
    private static final BigInteger MIN_TOKEN = BigInteger.TWO.pow(63).negate();

    private CassandraRing(List<CassandraNode.Settings> members, CassandraNode[] nodes) {
        super("cassandra node", members, nodes);
    }

    /** {@code nodes} as the members of one ring, each with {@code maxHeap}: its address, the seed and its token. */
    public static List<CassandraNode.Settings> members(List<CassandraNode.Settings> nodes, String maxHeap) {
        return IntStream.range(0, nodes.size())
                .mapToObj(i -> nodes.get(i).at(address(i + 1),
                        new CassandraNode.Placement(address(1), token(i, nodes.size())), maxHeap))
                .toList();
    }

    /** The loopback address of member {@code n} (1..). */
    public static String address(int n) {
        return "127.0.0." + n;
    }

    /** The i-th (0-based) of {@code count} tokens spread evenly over the Murmur3 range. */
    static String token(int i, int count) {
        return MIN_TOKEN.add(TOKEN_SPACE.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count))).toString();
    }

    /**
     * Starts the members one after another, each once the one before serves CQL, as Cassandra wants nodes to join; if
     * one does not start, the others are stopped.
     */
    public static CassandraRing start(List<CassandraNode.Settings> members, Duration timeout) {
        CassandraNode[] nodes = new CassandraNode[members.size()];
        try {
            for (int i = 0; i < members.size(); i++) {
                nodes[i] = CassandraNode.start(members.get(i), timeout);
            }
        } catch (RuntimeException e) {
            new CassandraRing(members, nodes).close();
            throw e;
        }
        return new CassandraRing(members, nodes);
    }

    /** Every member's {@code address:port}, comma-separated, as the services' contact points. */
    public String contactPoints() {
        return settings().stream().map(m -> m.address() + ":" + m.cqlPort()).collect(Collectors.joining(","));
    }

    @Override
    CassandraNode start(CassandraNode.Settings settings, Duration timeout) {
        return CassandraNode.start(settings, timeout);
    }
}
