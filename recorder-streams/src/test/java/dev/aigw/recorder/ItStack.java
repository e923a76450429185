package dev.aigw.recorder;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.aigw.events.v1.InterceptionEvent;
import dev.aigw.schemas.registry.SchemaRegistryClient;
import dev.aigw.schemas.serde.WireFormatSerde;
import dev.aigw.testkit.RealStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One recorder's worth of fresh names on the shared engines: events topic, keyspace, application id and state
 * directory; a producer that writes events as the gateway does (Confluent wire format, registry, idempotent); and reads
 * of the audit tables.
 */
final class ItStack implements AutoCloseable {
    /** Every audit table, for snapshots. */
    static final List<String> TABLES = List.of("interceptions", "interceptions_by_day", "interceptions_by_initiator",
            "token_usages", "prompts", "tool_usages", "model_thoughts", "sessions", "session_interceptions",
            "sessions_by_day", "sessions_by_initiator", "usage_by_day", "usage_by_initiator", "filter_values",
            "filter_values_by_initiator");

    final String events = RealStack.unique("events");
    final String keyspace = RealStack.unique("audit");
    private final KafkaProducer<String, InterceptionEvent> producer;
    private final Admin admin;

    ItStack(int partitions) {
        RealStack.createTopics(partitions, events);
        var serde = WireFormatSerde.create(SchemaRegistryClient.create(RealStack.schemaRegistryUrl()), InterceptionEvent.class);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), serde.serializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealStack.kafkaBootstrap()));
    }

    /** The environment of a recorder with its own application id, topics and state directory on these events. */
    Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "CODER_AI_GATEWAY_KAFKA_BOOTSTRAP", RealStack.kafkaBootstrap(),
                "CODER_AI_GATEWAY_SCHEMA_REGISTRY_URL", RealStack.schemaRegistryUrl().toString(),
                "CODER_AI_GATEWAY_INTERCEPTIONS_TOPIC", events,
                "CODER_AI_GATEWAY_INTERCEPTIONS_DLQ_TOPIC", RealStack.unique("dlq"),
                "CODER_AI_GATEWAY_RECORDER_ROWS_TOPIC", RealStack.unique("rows"),
                "CODER_AI_GATEWAY_RECORDER_APPLICATION_ID", RealStack.unique("recorder"),
                "CODER_AI_GATEWAY_CASSANDRA_CONTACT_POINTS", RealStack.cassandraContactPoint(),
                "CODER_AI_GATEWAY_CASSANDRA_KEYSPACE", keyspace,
                "CODER_AI_GATEWAY_RECORDER_PORT", "0"));
        try {
            env.put("CODER_AI_GATEWAY_DATA_DIR", Files.createTempDirectory("recorder-state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.putAll(extra);
        return env;
    }

    /** Sends the events keyed by interception id, as the gateway does, and waits until the broker has them. */
    void send(Collection<InterceptionEvent> sent) {
        sent.forEach(e -> producer.send(new ProducerRecord<>(events, e.getInterceptionId(), e)));
        producer.flush();
    }

    void sendRaw(ProducerRecord<String, InterceptionEvent> record) {
        producer.send(record);
        producer.flush();
    }

    /** Whether consumer group {@code group} has committed every record of the events topic. */
    boolean consumedAll(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return endOffsets(events).entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() >= end.getValue());
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The end offset of each partition of {@code topic}. */
    Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(
                p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** A GET of {@code path} on the recorder's health and metrics port. */
    static HttpResponse<String> get(Recorder recorder, String path) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + recorder.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CqlSession cql() {
        return RealStack.cassandraSession();
    }

    Row one(String cql, Object... values) {
        return cql().execute(cql.replace("{ks}", keyspace), values).one();
    }

    List<Row> all(String cql, Object... values) {
        return cql().execute(cql.replace("{ks}", keyspace), values).all();
    }

    /** Every row of every audit table of this keyspace, as text, sorted: a test keyspace is small enough to scan. */
    List<String> snapshot() {
        List<String> rows = new ArrayList<>();
        for (String table : TABLES) {
            all("SELECT * FROM {ks}." + table).forEach(r -> rows.add(table + " " + r.getFormattedContents()));
        }
        rows.sort(null);
        return rows;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
