package dev.aigw.servicekit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aigw.servicekit.config.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaEndpointsTest {
    @Test
    void shouldDefaultToTheDevStacksBrokerAndRegistry() {
        assertThat(KafkaEndpoints.from(Settings.load(Map.of(), List.of(), new ArrayList<>())))
                .isEqualTo(new KafkaEndpoints("127.0.0.1:9092", URI.create("http://127.0.0.1:8085")));
    }

    @Test
    void shouldReadBothFromAnySource() {
        KafkaEndpoints k = KafkaEndpoints.from(Settings.load(Map.of("CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", "k1:9092,k2:9092"),
                List.of("--ai-gateway-schema-registry-url=http://r:8085"), new ArrayList<>()));

        assertThat(k).isEqualTo(new KafkaEndpoints("k1:9092,k2:9092", URI.create("http://r:8085")));
    }
}
