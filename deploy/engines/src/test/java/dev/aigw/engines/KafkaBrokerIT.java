package dev.aigw.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void shouldKeepTopicsWhenRestartedOnTheSameDirectory() throws Exception {
        int port = Ports.freePort();
        KafkaBroker.Settings settings = KafkaBroker.Settings.of(dir, port, Ports.freePort(), dir.resolve("broker.log"));
        try (KafkaBroker broker = KafkaBroker.start(settings, START); Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
        }
        String clusterId = Files.readString(dir.resolve("data/meta.properties"));
        assertThat(Ports.isListening(port)).as("port released after stop").isFalse();

        try (KafkaBroker broker = KafkaBroker.start(settings, START); Admin admin = admin(broker)) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("kept");
            assertThat(Files.readString(dir.resolve("data/meta.properties"))).as("not formatted again").isEqualTo(clusterId);
        }
    }

    @Test
    void shouldFailWithTheLogTailWhenTheBrokerCannotRun() {
        KafkaBroker.Settings broken = new KafkaBroker.Settings(dir, Ports.freePort(), Ports.freePort(), "256m",
                dir.resolve("broker.log"), Jdks.currentJava(), dir.resolve("no-such.jar").toString(), new KafkaBroker.Quorum.Standalone());
        assertThatThrownBy(() -> KafkaBroker.start(broken, START))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("kafka storage format failed with exit code 1")
                .hasMessageContaining(dir.resolve("broker.log").toString())
                .hasMessageContaining("kafka.tools.StorageTool");
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
    }
}
