package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
    private static final Path DIR = Path.of("/tmp/broker-2");
    private static final KafkaBroker.Settings SINGLE = new KafkaBroker.Settings(DIR, 9192, 9193, "512m",
            DIR.resolve("broker.log"), Path.of("java"), "cp", new KafkaBroker.Quorum.Standalone());

    @Test
    void shouldBeItsOwnQuorumWithSingleReplicasWhenStandalone() throws IOException {
        Properties p = parse(KafkaBroker.properties(SINGLE));

        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.bootstrap.servers")).isEqualTo("127.0.0.1:9193");
        assertThat(p).doesNotContainKey("controller.quorum.voters");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193");
        assertThat(p.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(p.getProperty("min.insync.replicas")).isEqualTo("1");
        assertThat(KafkaBroker.formatArguments(SINGLE.quorum(), DIR.resolve("server.properties"))).contains("--standalone");
    }

    @Test
    void shouldListEveryVoterAndReplicateToAllWhenOneOfThree() throws IOException {
        List<KafkaBroker.Settings> voters = KafkaCluster.voters(List.of(
                SINGLE, at(9292, 9293), at(9392, 9393)), "cluster-id");

        Properties second = parse(KafkaBroker.properties(voters.get(1)));

        assertThat(second.getProperty("node.id")).isEqualTo("2");
        assertThat(second.getProperty("controller.quorum.voters"))
                .isEqualTo("1@127.0.0.1:9193,2@127.0.0.1:9293,3@127.0.0.1:9393");
        assertThat(second).doesNotContainKey("controller.quorum.bootstrap.servers");
        assertThat(second.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9292");
        assertThat(second.getProperty("offsets.topic.replication.factor")).isEqualTo("3");
        assertThat(second.getProperty("transaction.state.log.min.isr")).isEqualTo("2");
        assertThat(second.getProperty("default.replication.factor")).isEqualTo("3");
        assertThat(second.getProperty("min.insync.replicas")).isEqualTo("2");
    }

    @Test
    void shouldFormatEveryVoterWithTheSharedClusterIdAndNoStandaloneQuorum() {
        List<KafkaBroker.Settings> voters = KafkaCluster.voters(List.of(SINGLE, at(9292, 9293), at(9392, 9393)), "shared");

        for (KafkaBroker.Settings voter : voters) {
            assertThat(KafkaBroker.formatArguments(voter.quorum(), Path.of("server.properties")))
                    .containsSequence("-t", "shared")
                    .doesNotContain("--standalone");
        }
    }

    @Test
    void shouldMakeDistinctClusterIdsThatDoNotLookLikeOptions() {
        for (int i = 0; i < 200; i++) {
            assertThat(KafkaBroker.newClusterId()).hasSize(22).doesNotStartWith("-").isNotEqualTo(KafkaBroker.newClusterId());
        }
    }

    private static KafkaBroker.Settings at(int port, int controllerPort) {
        return new KafkaBroker.Settings(DIR, port, controllerPort, "512m", DIR.resolve("broker.log"), Path.of("java"), "cp",
                new KafkaBroker.Quorum.Standalone());
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
