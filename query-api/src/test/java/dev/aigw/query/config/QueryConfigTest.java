package dev.aigw.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aigw.servicekit.config.CassandraConsistency;
import dev.aigw.servicekit.config.ConfigException;
import dev.aigw.control.MasterKey;
import dev.aigw.servicekit.kafka.KafkaReplication;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryConfigTest {
    private static final Map<String, String> ENV = Map.of("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate(),
            "CODER_AI_GATEWAY_QUERY_PORT", "9000");

    @Test
    void shouldTakeFlagsOverTheEnvironment() {
        QueryConfig config = QueryConfig.fromEnv(ENV, List.of("--ai-gateway-query-port", "9100",
                "--ai-gateway-cassandra-keyspace=audit7", "--ai-gateway-control-keys-topic=keys"));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.cassandra().keyspace()).isEqualTo("audit7");
        assertThat(config.control().keysTopic()).isEqualTo("keys");
        assertThat(QueryConfig.fromEnv(ENV).port()).isEqualTo(9000);
        assertThat(QueryConfig.fromEnv(ENV).cassandra().keyspace()).isEqualTo("aigw");
    }

    @Test
    void shouldRefuseFlagsOfOtherServices() {
        assertThatThrownBy(() -> QueryConfig.fromEnv(ENV, List.of("--ai-gateway-retention=90d")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown flag --ai-gateway-retention");
    }

    @Test
    void shouldReadAtLocalOneByDefaultAndAtTheConfiguredLevel() {
        assertThat(QueryConfig.fromEnv(ENV).readConsistency()).isEqualTo(CassandraConsistency.LOCAL_ONE);
        assertThat(QueryConfig.fromEnv(ENV, List.of("--ai-gateway-cassandra-read-consistency=LOCAL_QUORUM"))
                .readConsistency()).isEqualTo(CassandraConsistency.LOCAL_QUORUM);
    }

    @Test
    void shouldGiveTheControlTopicsTheSharedReplication() {
        Map<String, String> env = new HashMap<>(ENV);
        env.put("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3");
        env.put("CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2");

        assertThat(QueryConfig.fromEnv(env).control().replication()).isEqualTo(new KafkaReplication((short) 3, 2));
        assertThat(QueryConfig.fromEnv(ENV).control().replication()).isEqualTo(KafkaReplication.SINGLE_NODE);
    }
}
