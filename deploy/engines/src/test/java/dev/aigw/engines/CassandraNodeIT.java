package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassandraNodeIT {
    private static final Duration START = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    @Test
    void shouldKeepRowsWhenRestartedOnTheSameDirectory() {
        int cqlPort = Ports.freePort();
        CassandraNode.Settings settings = CassandraNode.Settings.of(dir, cqlPort, Ports.freePort(), dir.resolve("node.log"));
        try (CassandraNode node = CassandraNode.start(settings, START); CqlSession session = session(node)) {
            session.execute("CREATE KEYSPACE kept WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            session.execute("CREATE TABLE kept.t (id int PRIMARY KEY, v text)");
            session.execute("INSERT INTO kept.t (id, v) VALUES (1, 'survives')");
        }
        assertThat(Ports.isListening(cqlPort)).as("CQL port released after stop").isFalse();

        try (CassandraNode node = CassandraNode.start(settings, START); CqlSession session = session(node)) {
            assertThat(session.execute("SELECT v FROM kept.t WHERE id = 1").one().getString("v")).isEqualTo("survives");
        }
    }

    private static CqlSession session(CassandraNode node) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress("127.0.0.1", node.cqlPort()))
                .withLocalDatacenter(CassandraNode.LOCAL_DC)
                .build();
    }
}
