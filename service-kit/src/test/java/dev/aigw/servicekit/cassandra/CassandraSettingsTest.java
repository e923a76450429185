package dev.aigw.servicekit.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.config.Settings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraSettingsTest {
    private final List<String> problems = new ArrayList<>();

    @Test
    void shouldDefaultToTheDevStacksSingleNode() {
        CassandraSettings s = CassandraSettings.from(Settings.load(Map.of(), List.of(), problems), problems);

        assertThat(s).isEqualTo(new CassandraSettings(List.of(InetSocketAddress.createUnresolved("127.0.0.1", 9042)),
                "datacenter1", "aigw"));
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldReadEverySettingAndReportAMalformedContactPoint() {
        CassandraSettings s = CassandraSettings.from(Settings.load(Map.of("CODER_AI_GATEWAY_CASSANDRA_LOCAL_DC", "dc1",
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", "audit"), List.of("--ai-gateway-cassandra-contact-points=a:1,b"),
                problems), problems);

        assertThat(s.localDc()).isEqualTo("dc1");
        assertThat(s.keyspace()).isEqualTo("audit");
        assertThat(s.contactPoints()).isEqualTo(CassandraSettings.DEFAULT_CONTACT_POINTS);
        assertThat(problems).singleElement().asString().startsWith("--ai-gateway-cassandra-contact-points must be");
    }
}
