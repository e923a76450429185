package dev.aigw.recorder.topology;

import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.testkit.avro.SingleObject;
import dev.aigw.recorder.audit.AuditRow;
import dev.aigw.recorder.audit.RowKeys;
import dev.aigw.recorder.config.RecorderConfig;
import dev.aigw.recorder.kafka.SmileSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The recorder's topology in a TopologyTestDriver, fed with events and read back as the row sink would see the rows
 * topic: the latest version of each row.
 *
 * <p>Event values use Avro's single-object encoding rather than the Confluent wire format, which needs a registry;
 * the integration tests cover the wire format.
 */
final class RecorderDriver implements AutoCloseable {
    private static final Serde<InterceptionEvent> EVENT_SERDE = SingleObject.serde(InterceptionEvent.class);
    static final String EVENTS = "events";
    static final String DLQ = "dlq";
    static final String ROWS = "rows";
    /** A signing key (32 bytes, base64), to have the topology write audit chains. */
    static final String SIGNING_KEY = "c2lnbmluZy1rZXktZm9yLXRoZS1hdWRpdC1jaGFpbi0zMmI=";
    static final Map<String, String> SIGNED = Map.of("CODER_AI_GATEWAY_AUDIT_SIGNING_KEY", SIGNING_KEY);

    private final TopologyTestDriver driver;
    private final Counters counters = new Counters();
    private final TestInputTopic<byte[], byte[]> events;
    private final TestOutputTopic<String, AuditRow> rows;
    private final TestOutputTopic<byte[], byte[]> deadLetters;
    private final Map<String, AuditRow> latest = new LinkedHashMap<>();

    RecorderDriver(Instant now, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", EVENTS,
                "CODER_AI_GATEWAY_INTERCEPTIONS_DLQ_TOPIC", DLQ, "CODER_AI_GATEWAY_RECORDER_ROWS_TOPIC", ROWS));
        all.putAll(env);
        RecorderConfig config = RecorderConfig.fromEnv(all);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "recorder-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("recorder-ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(RecorderTopology.build(config, EVENT_SERDE.deserializer(), counters), props, now);
        events = driver.createInputTopic(EVENTS, new ByteArraySerializer(), new ByteArraySerializer());
        rows = driver.createOutputTopic(ROWS, new StringDeserializer(), SmileSerde.of(AuditRow.class));
        deadLetters = driver.createOutputTopic(DLQ, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    RecorderDriver(Instant now) {
        this(now, Map.of());
    }

    void send(InterceptionEvent... sent) {
        for (InterceptionEvent e : sent) {
            sendRaw(e.getInterceptionId().getBytes(StandardCharsets.UTF_8), encode(e));
        }
    }

    void sendRaw(byte[] key, byte[] value) {
        events.pipeInput(key, value);
    }

    void advance(Duration wallClock) {
        driver.advanceWallClockTime(wallClock);
    }

    Counters counters() {
        return counters;
    }

    /** The latest version of every row so far, by key. */
    Map<String, AuditRow> rows() {
        rowVersions();
        return latest;
    }

    /** Every version of a row the topology wrote since the last read, in order; the row sink sees each of them. */
    List<KeyValue<String, AuditRow>> rowVersions() {
        List<KeyValue<String, AuditRow>> read = rows.readKeyValuesToList();
        read.forEach(kv -> latest.put(kv.key, kv.value));
        return read;
    }

    AuditRow.Interception interception(String id) {
        return (AuditRow.Interception) rows().get(RowKeys.of("interception", id));
    }

    AuditRow.Session session(String sessionId, String initiator) {
        return (AuditRow.Session) rows().get(RowKeys.of("session", sessionId, initiator));
    }

    AuditRow.Usage usage(LocalDate day, String initiator, String providerName, String model) {
        return (AuditRow.Usage) rows().get(RowKeys.of("usage", day.toString(), initiator, providerName, model));
    }

    /** The chain links of a session, in chain order. */
    List<AuditRow.ChainLink> chain(String sessionId, String initiator) {
        return rows().values().stream().filter(r -> r instanceof AuditRow.ChainLink l && l.sessionId().equals(sessionId)
                        && l.initiatorId().equals(initiator)).map(r -> (AuditRow.ChainLink) r)
                .sorted(java.util.Comparator.comparing(AuditRow.ChainLink::startedAt)
                        .thenComparing(AuditRow.ChainLink::interceptionId))
                .toList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    static byte[] encode(InterceptionEvent e) {
        return EVENT_SERDE.serializer().serialize(EVENTS, e);
    }

    @Override
    public void close() {
        driver.close();
    }
}
