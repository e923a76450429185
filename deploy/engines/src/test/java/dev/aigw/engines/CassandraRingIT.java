package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Costs about a minute on a 2-core machine: three nodes start one after another (see docs/dev-stack.md). */
class CassandraRingIT {
    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration DETECT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shouldReadAtLocalQuorumWhenOneOfThreeNodesIsKilled() throws Exception {
        int cqlPort = Ports.freePort();
        int storagePort = Ports.freePort();
        List<CassandraNode.Settings> nodes = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Path node = dir.resolve("cassandra-" + n);
            nodes.add(CassandraNode.Settings.of(node, cqlPort, storagePort, node.resolve("node.log")));
        }
        long started = System.nanoTime();
        try (CassandraRing ring = CassandraRing.start(CassandraRing.members(nodes, "512m"), START);
             CqlSession session = session(ring)) {
            System.out.printf("3-node ring ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            session.execute("CREATE KEYSPACE ring WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");
            session.execute("CREATE TABLE ring.t (id int PRIMARY KEY, v text)");
            session.execute(quorum("INSERT INTO ring.t (id, v) VALUES (1, 'three copies')"));

            ring.kill(3);

            // Once the coordinator marks the node down it refuses ALL up front; until then such a read times out.
            awaitUnavailable(session, SimpleStatement.newInstance("SELECT v FROM ring.t WHERE id = 1").setConsistencyLevel(ConsistencyLevel.ALL));
            assertThat(session.execute(quorum("SELECT v FROM ring.t WHERE id = 1")).one().getString("v")).isEqualTo("three copies");
            session.execute(quorum("INSERT INTO ring.t (id, v) VALUES (2, 'written while one is down')"));

            ring.restart(3, START);
            assertThat(Ports.isListening(CassandraRing.address(3), cqlPort)).isTrue();
        }
    }

    private static void awaitUnavailable(CqlSession session, SimpleStatement all) throws InterruptedException {
        long deadline = System.nanoTime() + DETECT.toNanos();
        while (true) {
            try {
                session.execute(all);
            } catch (UnavailableException e) {
                return;
            } catch (RuntimeException e) {
                // A timeout while the ring has not yet marked the node down: ask again.
            }
            assertThat(System.nanoTime()).as("a read at ALL refused with one of three replicas down").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static SimpleStatement quorum(String cql) {
        return SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM);
    }

    private static CqlSession session(CassandraRing ring) {
        var builder = CqlSession.builder().withLocalDatacenter(CassandraNode.LOCAL_DC)
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20)).build());
        for (CassandraNode node : ring.members()) {
            builder.addContactPoint(new InetSocketAddress(node.settings().address(), node.cqlPort()));
        }
        return builder.build();
    }
}
