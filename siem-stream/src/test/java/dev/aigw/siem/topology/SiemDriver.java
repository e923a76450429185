package dev.aigw.siem.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.testkit.avro.SingleObject;
import dev.aigw.siem.config.SiemConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The SIEM topology in a TopologyTestDriver. Event values use Avro's single-object encoding rather than the Confluent
 * wire format, which needs a registry; the integration tests cover the wire format.
 */
final class SiemDriver implements AutoCloseable {
    static final String EVENTS = "events";
    static final String SIEM = "siem";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, InterceptionEvent> events;
    private final TestOutputTopic<String, String> documents;

    SiemDriver(Instant now) {
        SiemConfig config = SiemConfig.fromEnv(Map.of("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", EVENTS,
                "CODER_AI_GATEWAY_SIEM_TOPIC", SIEM, "CODER_AI_GATEWAY_SIEM_SUMMARY_TIMEOUT", "1m"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "siem-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("siem-ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Serde<InterceptionEvent> serde = SingleObject.serde(InterceptionEvent.class);
        driver = new TopologyTestDriver(SiemTopology.build(config, serde), props, now);
        events = driver.createInputTopic(EVENTS, new StringSerializer(), serde.serializer());
        documents = driver.createOutputTopic(SIEM, new StringDeserializer(), new StringDeserializer());
    }

    void send(List<InterceptionEvent> sent) {
        sent.forEach(e -> events.pipeInput(e.getInterceptionId(), e));
    }

    /** The documents written since the last call, as JSON text. */
    List<String> documents() {
        return documents.readValuesToList();
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    @Override
    public void close() {
        driver.close();
    }
}
