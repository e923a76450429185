package dev.aigw.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealStack.class)
class CassandraTtlIT {

    @Test
    void shouldReadBackTheTtlAndExpireTheRowWhenWrittenWithOne() {
        CqlSession session = RealStack.cassandraSession();
        String keyspace = RealStack.unique("ttl");
        session.execute("CREATE KEYSPACE " + keyspace
                + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE " + keyspace + ".notes (id int PRIMARY KEY, body text) WITH default_time_to_live = 3600");

        session.execute("INSERT INTO " + keyspace + ".notes (id, body) VALUES (1, 'kept')");
        session.execute("INSERT INTO " + keyspace + ".notes (id, body) VALUES (2, 'brief') USING TTL 2");

        int ttl = session.execute("SELECT TTL(body) FROM " + keyspace + ".notes WHERE id = 1").one().getInt(0);
        assertThat(ttl).isBetween(3500, 3600);
        assertThat(session.execute("SELECT body FROM " + keyspace + ".notes WHERE id = 2").one()).isNotNull();
        RealStack.await(Duration.ofSeconds(10),
                () -> session.execute("SELECT body FROM " + keyspace + ".notes WHERE id = 2").one() == null ? true : null);
    }

    @Test
    void shouldNameTheNodeAndItsDataCenter() {
        assertThat(RealStack.cassandraContactPoint()).matches("127\\.0\\.0\\.1:\\d+");
        String dc = RealStack.cassandraSession().execute("SELECT data_center FROM system.local").one().getString(0);
        assertThat(dc).isEqualTo(RealStack.cassandraLocalDc());
    }
}
