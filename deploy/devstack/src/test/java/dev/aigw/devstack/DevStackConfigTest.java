package dev.aigw.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DevStackConfigTest {
    private static final StackSecrets SECRETS = new StackSecrets("t", "k", "s");


    @Test
    void shouldRunEveryPartOnTheDocumentedPortsWhenNothingIsSet() {
        DevStackConfig config = DevStackConfig.from(List.of(), Map.of());
        assertThat(config.fresh()).isFalse();
        assertThat(config.parts()).containsExactly(Part.values());
        assertThat(config.ports()).isEqualTo(new StackPorts(9092, 9093, 9042, 7000, 8085, 8082, 8081, 8080, 8180, 8190, 8086));
        assertThat(config.state().path()).isEqualTo(config.root().resolve(".aigw"));
    }

    @Test
    void shouldTakePortsFromTheEnvironmentAndPassThemToTheServices() {
        DevStackConfig config = DevStackConfig.from(List.of("--fresh", "--only", "kafka,gateway"),
                Map.of("CODER_AI_GATEWAY_KAFKA_PORT", "19092", "CODER_AI_GATEWAY_PORT", "18080"));
        assertThat(config.fresh()).isTrue();
        assertThat(config.parts()).containsExactly(Part.KAFKA, Part.GATEWAY);
        Service gateway = config.services(new StackSecrets("token", "key", "signing")).stream()
                .filter(s -> s.part() == Part.GATEWAY).findFirst().orElseThrow();
        assertThat(gateway.port()).isEqualTo(18080);
        assertThat(gateway.environment(Map.of()))
                .containsEntry("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "127.0.0.1:19092")
                .containsEntry("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8085")
                .containsEntry("CODER_AI_GATEWAY_ADMIN_TOKEN", "token")
                .containsEntry("CODER_AI_GATEWAY_DATA_DIR", config.state().path().resolve("gateway").toString())
                .doesNotContainKey("CODER_AI_GATEWAY_AUDIT_SIGNING_KEY");
    }

    @Test
    void shouldGiveTheAuditSigningKeyToTheRecorderAndTheQueryApiOnly() {
        List<Service> services = DevStackConfig.from(List.of("--cluster"), Map.of()).services(SECRETS);

        assertThat(services).filteredOn(s -> s.part() == Part.RECORDER || s.part() == Part.QUERY).hasSize(4)
                .allSatisfy(s -> assertThat(s.environment(Map.of())).containsEntry("CODER_AI_GATEWAY_AUDIT_SIGNING_KEY", "s"));
        assertThat(services).filteredOn(s -> s.part() != Part.RECORDER && s.part() != Part.QUERY)
                .allSatisfy(s -> assertThat(s.environment(Map.of())).doesNotContainKey("CODER_AI_GATEWAY_AUDIT_SIGNING_KEY"));
    }

    @Test
    void shouldGiveTheRecorderAndQueryApiTheCassandraSettings() {
        List<Service> services = DevStackConfig.from(List.of(), Map.of("CODER_AI_GATEWAY_CASSANDRA_PORT", "19042"))
                .services(SECRETS);
        assertThat(services).extracting(Service::part).containsExactly(Part.REGISTRY, Part.RECORDER, Part.QUERY, Part.GATEWAY,
                Part.SIEM);
        assertThat(services.get(1).environment(Map.of())).containsEntry("CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", "127.0.0.1:19042")
                .containsEntry("CODER_AI_GATEWAY_CASSANDRA_LOCAL_DC", "datacenter1")
                .containsEntry("CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", "aigw")
                .containsEntry("CODER_AI_GATEWAY_RECORDER_PORT", "8082");
        assertThat(services.get(2).environment(Map.of())).containsEntry("CODER_AI_GATEWAY_QUERY_PORT", "8081")
                .containsKey("CODER_AI_GATEWAY_ADMIN_TOKEN");
    }

    @Test
    void shouldPointTheQueryApiAtTheRegistryItPublishesKeysThrough() {
        Service query = DevStackConfig.from(List.of(), Map.of("CODER_AI_GATEWAY_REGISTRY_PORT", "18085"))
                .services(SECRETS).get(2);
        assertThat(query.environment(Map.of())).containsEntry("CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", "http://127.0.0.1:18085");
    }

    @Test
    void shouldRunSeveralNodesOfEachPartWithReplicationWhenAskedForACluster() {
        DevStackConfig config = DevStackConfig.from(List.of("--cluster"), Map.of());
        List<Service> services = config.services(SECRETS);

        assertThat(services).extracting(Service::name).containsExactly("schema-registry", "recorder-1", "recorder-2",
                "query-api-1", "query-api-2", "gateway-1", "gateway-2", "gateway-3", "siem-stream");
        assertThat(services).extracting(Service::port).containsExactly(8085, 8082, 8083, 8190, 8191, 8180, 8181, 8182, 8086);
        assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096");
        assertThat(config.ports().kafkaController(3)).isEqualTo(9097);
        Service recorder = services.get(2);
        assertThat(recorder.environment(Map.of()))
                .containsEntry("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096")
                .containsEntry("CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042,127.0.0.2:9042,127.0.0.3:9042")
                .containsEntry("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "3")
                .containsEntry("CODER_AI_GATEWAY_KAFKA_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("CODER_AI_GATEWAY_CASSANDRA_REPLICATION", "{'class': 'NetworkTopologyStrategy', 'datacenter1': 3}")
                .containsEntry("CODER_AI_GATEWAY_CASSANDRA_WRITE_CONSISTENCY", "LOCAL_QUORUM")
                .containsEntry("CODER_AI_GATEWAY_RECORDER_PORT", "8083")
                .containsEntry("CODER_AI_GATEWAY_DATA_DIR", config.state().path().resolve("recorder-2").toString());
        assertThat(services.get(0).environment(Map.of())).containsEntry("CODER_AI_GATEWAY_REGISTRY_REPLICATION", "3");
        assertThat(services.get(6).environment(Map.of())).containsEntry("CODER_AI_GATEWAY_DATA_DIR", config.state().path().resolve("gateway-2").toString());
    }

    @Test
    void shouldKeepTheSingleNodeStackFreeOfClusterSettings() {
        DevStackConfig config = DevStackConfig.from(List.of(), Map.of());
        assertThat(config.services(SECRETS)).extracting(Service::name)
                .containsExactly("schema-registry", "recorder", "query-api", "gateway", "siem-stream");
        assertThat(config.services(SECRETS).get(1).environment(Map.of()))
                .doesNotContainKeys("CODER_AI_GATEWAY_KAFKA_REPLICATION_FACTOR", "CODER_AI_GATEWAY_CASSANDRA_REPLICATION");
    }

    @Test
    void shouldRefuseOnlyWithCluster() {
        assertThatThrownBy(() -> DevStackConfig.from(List.of("--cluster", "--only", "kafka"), Map.of()))
                .hasMessageContaining("--cluster runs every part; it does not take --only");
    }

    @Test
    void shouldLetTheUserEnvironmentWinOverTheStackDefaults() {
        Service registry = DevStackConfig.from(List.of(), Map.of()).services(SECRETS).getFirst();
        Map<String, String> env = registry.environment(Map.of("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "broker:9092"));
        assertThat(env).containsEntry("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "broker:9092").containsEntry("CODER_AI_GATEWAY_REGISTRY_PORT", "8085");
    }

    @Test
    void shouldKeepTheBalancersPortAwayFromTheNodesBehindIt() {
        Map<String, String> user = Map.of("CODER_AI_GATEWAY_PORT", "18080", "CODER_AI_GATEWAY_GATEWAY_NODES_PORT", "18180",
                "CODER_AI_GATEWAY_QUERY_NODES_PORT", "18190");
        DevStackConfig config = DevStackConfig.from(List.of("--cluster"), user);
        List<Service> services = config.services(SECRETS);
        assertThat(services).extracting(Service::port).containsExactly(8085, 8082, 8083, 18190, 18191, 18180, 18181, 18182, 8086);
        assertThat(services.get(6).environment(user)).containsEntry("CODER_AI_GATEWAY_PORT", "18181");
        assertThat(config.ports().gateway()).isEqualTo(18080);
    }

    @Test
    void shouldListEveryProblemWhenTheInputIsWrong() {
        assertThatThrownBy(() -> DevStackConfig.from(List.of("--only", "kafka,zookeeper", "--bogus"),
                Map.of("CODER_AI_GATEWAY_QUERY_PORT", "http", "CODER_AI_GATEWAY_CASSANDRA_PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown part 'zookeeper'")
                .hasMessageContaining("unknown argument '--bogus'")
                .hasMessageContaining("CODER_AI_GATEWAY_QUERY_PORT must be a port from 1 to 65535, got 'http'")
                .hasMessageContaining("CODER_AI_GATEWAY_CASSANDRA_PORT must be a port from 1 to 65535, got '70000'");
    }
}
