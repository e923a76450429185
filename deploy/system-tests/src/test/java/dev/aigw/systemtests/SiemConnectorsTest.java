package dev.aigw.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aigw.gateway.config.GatewayConfig;
import dev.aigw.schemas.Topics;
import dev.aigw.control.MasterKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Connect files in {@code deploy/siem}, checked as far as can be without a Connect worker (there is none
 * here): they parse, read our topic with Confluent's AvroConverter from the registry the services default to, and
 * keep secrets out of the files.
 */
class SiemConnectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SIEM = Path.of(System.getProperty("aigw.root", ".")).resolve("deploy/siem");

    @Test
    void shouldReadTheInterceptionsTopicWithTheAvroConverterFromOurRegistry() throws IOException {
        String registry = GatewayConfig.fromEnv(Map.of("CODER_AI_GATEWAY_MASTER_KEY", MasterKey.generate()))
                .events().schemaRegistryUrl().toString();
        for (String file : new String[] {"splunk-hec-sink.json", "elasticsearch-sink.json"}) {
            JsonNode config = JSON.readTree(SIEM.resolve(file).toFile()).path("config");

            assertThat(config.path("topics").asText()).as(file).isEqualTo(Topics.INTERCEPTIONS);
            assertThat(config.path("value.converter").asText()).as(file).isEqualTo("io.confluent.connect.avro.AvroConverter");
            assertThat(config.path("value.converter.schema.registry.url").asText()).as(file).isEqualTo(registry);
            assertThat(config.path("key.converter").asText()).as(file)
                    .isEqualTo("org.apache.kafka.connect.storage.StringConverter");
        }
    }

    @Test
    void shouldNameTheSinkConnectorsAndKeepEverySecretInTheWorkersFileProvider() throws IOException {
        JsonNode splunk = JSON.readTree(SIEM.resolve("splunk-hec-sink.json").toFile());
        JsonNode elastic = JSON.readTree(SIEM.resolve("elasticsearch-sink.json").toFile());

        assertThat(splunk.path("config").path("connector.class").asText())
                .isEqualTo("com.splunk.kafka.connect.SplunkSinkConnector");
        assertThat(elastic.path("config").path("connector.class").asText())
                .isEqualTo("io.confluent.connect.elasticsearch.ElasticsearchSinkConnector");
        // Events of one interception share a key, so documents are keyed by topic, partition and offset instead.
        assertThat(elastic.path("config").path("key.ignore").asText()).isEqualTo("true");
        for (JsonNode connector : new JsonNode[] {splunk, elastic}) {
            connector.path("config").properties().forEach(field -> {
                if (field.getKey().endsWith(".token") || field.getKey().endsWith(".password")) {
                    assertThat(field.getValue().asText()).as(field.getKey()).startsWith("${file:");
                }
            });
        }
        assertThat(Files.readString(SIEM.resolve("connect-worker.properties")))
                .contains("config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider");
    }
}
